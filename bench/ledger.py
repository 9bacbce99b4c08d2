#!/usr/bin/env python3
"""Generates a penalty-case ledger of N rows for `make bench`, as CSV and as .xlsx.

    bench/ledger.py FOLDER N

The workbook is written the way Excel writes one: shared strings for text, date serials with a
date style, one sheet; rows cycle through compliant and non-compliant cases. Deterministic.
"""
import csv, datetime, os, sys, zipfile

HEADER = ["案件编号", "案件名称", "执法机关", "承办机构", "是否重大案件", "罚款金额（元）", "立案日期", "调查取证日期", "执法人员", "出示执法证件",
          "告知日期", "决定日期", "决定人", "送达日期", "公示日期"]
OFFICERS = ["张伟、李娜", "李娜", "刘洋、张伟", "王强、刘洋"]


def rows(count):
    start = datetime.date(2025, 1, 6)
    for index in range(count):
        day = start + datetime.timedelta(days=index % 300)
        yield [f"BJ-ZF-{index + 1:07d}", f"对第 {index + 1} 号商户的行政处罚", "石桥镇人民政府", f"执法中队{index % 7 + 1}", "否", 500 + index % 50 * 100,
               day, day + datetime.timedelta(days=1), OFFICERS[index % len(OFFICERS)], "是" if index % 9 else "否",
               day + datetime.timedelta(days=7), day + datetime.timedelta(days=14), "王建华", day + datetime.timedelta(days=15), day + datetime.timedelta(days=16)]


def write_csv(path, count):
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for row in rows(count):
            writer.writerow([value.isoformat() if isinstance(value, datetime.date) else value for value in row])


def write_xlsx(path, count):
    strings, index = [], {}

    def shared(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    def column(number):
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(65 + rest) + letters
        return letters

    epoch = datetime.date(1899, 12, 30)
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for number, row in enumerate([HEADER] + list(rows(count)), start=1):
        cells = []
        for position, value in enumerate(row, start=1):
            ref = f"{column(position)}{number}"
            if isinstance(value, datetime.date):
                cells.append(f'<c r="{ref}" s="1"><v>{(value - epoch).days}</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>')
        parts.append(f'<row r="{number}">' + "".join(cells) + "</row>")
    parts.append("</sheetData></worksheet>")
    escape = lambda text: text.replace("&", "&amp;").replace("<", "&lt;")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + "".join(f"<si><t>{escape(text)}</t></si>" for text in strings) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        book.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="行政处罚" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        book.writestr("xl/styles.xml", '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
        book.writestr("xl/sharedStrings.xml", sst)
        book.writestr("xl/worksheets/sheet1.xml", "".join(parts))


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    write_csv(os.path.join(folder, "ledger.csv"), count)
    write_xlsx(os.path.join(folder, "ledger.xlsx"), count)
    with open(os.path.join(folder, "registry.yaml"), "w", encoding="utf-8") as file:
        file.write(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases", "ledgers", "registry.yaml"), encoding="utf-8").read())


if __name__ == "__main__":
    main()
