#!/usr/bin/env python3
"""Writes the workbook fixtures of the ledger tests with openpyxl (pip install openpyxl), a
library offices' own tools are built on, so the reader is tested on workbooks it did not write.

    python3 Tests/Fixtures/ledgers/make.py
"""
import datetime, os
from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))


def merged_header():
    book = Workbook()
    notes = book.active
    notes.title = "说明"
    notes["A1"] = "本台账按月更新，日期请填写为日期格式。"
    sheet = book.create_sheet("行政处罚")
    sheet["A1"] = "石桥镇2025年行政处罚案件台账"
    sheet.merge_cells("A1:H1")
    header = ["案件编号", "案件名称", "承办机构", "是否重大案件", "罚款金额（元）", "立案日期", "调查取证日期", "执法人员", "出示执法证件", "告知日期", "决定日期", "决定人", "送达日期", "公示日期"]
    sheet.append(header)
    rows = [
        ["T-ZF-001", "对某店占道经营的行政处罚", "综合行政执法队", "否", 500, datetime.date(2025, 3, 3), datetime.date(2025, 3, 4), "张伟、李娜", "是",
         datetime.date(2025, 3, 10), datetime.date(2025, 3, 17), "王建华", datetime.date(2025, 3, 18), datetime.date(2025, 3, 20)],
        ["T-ZF-002", "对某工地噪声扰民的行政处罚", None, "否", 3000, datetime.date(2025, 4, 7), datetime.date(2025, 4, 8), "李娜", "是",
         datetime.date(2025, 4, 14), datetime.date(2025, 4, 21), "王建华", datetime.date(2025, 4, 22), datetime.date(2025, 4, 24)],
        ["T-ZF-003", "对某餐馆油烟直排的行政处罚", "综合行政执法队", "否", "=1000*2", datetime.date(2025, 4, 15), datetime.date(2025, 4, 16), "张伟、李娜", "是",
         datetime.date(2025, 4, 22), datetime.date(2025, 4, 29), "王建华", datetime.date(2025, 4, 30), datetime.date(2025, 5, 6)],
    ]
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = 'yyyy"年"m"月"d"日"'
    # The department of the first case is merged down over the second.
    sheet.merge_cells("C3:C4")
    book.save(os.path.join(HERE, "merged-header.xlsx"))


if __name__ == "__main__":
    merged_header()
