#!/usr/bin/env python3
"""Deterministic generator of synthetic decision records for `make bench`.

    bench/generate.py OUT N [--files-per-dir 1000] [--multi K] [--start S]

Writes N records (numbered from S, default 0: another S gives other records, as the profile-guided
build's training set does, apart from the benchmark's) (mixed kinds, Chinese text, about 1-2 KB each, about 30% with a violation)
under OUT: one record per file in folders of --files-per-dir files, or, with --multi K, as K
large multi-document files. Also writes OUT/registry.yaml. The same arguments always give
the same bytes.
"""
import argparse
import os
import random

TOWNS = ["白沙镇", "柳湾镇", "双河乡", "青石镇", "东坝乡", "南岭镇", "西河镇", "北山乡"]
SUBJECTS = ["农村人居环境整治", "老旧小区改造", "集中供热特许经营", "农贸市场升级改造", "河道综合治理",
            "公共停车场收费标准", "中小学校舍安全提升", "生活垃圾分类", "农村公路养护", "公益性岗位管理"]
DEPTS = ["党政办公室", "经济发展办公室", "村镇建设办公室", "农业农村办公室", "综合行政执法队", "司法所", "财政所"]
OFFENCES = ["未批先建", "占道经营", "超限运输", "销售过期食品", "油烟扰民", "违规排放污水", "无证经营"]


def people():
    lines = ["people:"]
    for i in range(1, 41):
        pid = f"B-{i:03d}"
        lines.append(f"  - id: {pid}")
        lines.append(f"    name: 人员{i:03d}")
        if i <= 20:
            until = "2030-12-31" if i != 7 else "2022-06-30"
            lines.append("    certificates:")
            lines.append(f"      - {{type: enforcement, number: \"3703{i:07d}\", valid_from: 2019-01-01, valid_until: {until}}}")
        if i > 30:
            lines.append("    qualifications:")
            lines.append(f"      - {{type: legal_profession, number: \"A2019{i:010d}\"}}")
    return "\n".join(lines) + "\n"


def day(rng, year):
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def shift(date, days):
    y, m, d = map(int, date.split("-"))
    import datetime
    return (datetime.date(y, m, d) + datetime.timedelta(days=days)).isoformat()


def mad(rng, n, bad):
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    start = day(rng, year)
    town = rng.choice(TOWNS)
    review_day = shift(start, 40)
    meeting_day = shift(start, 50 if bad != "late_review" else 35)
    outcome = "failed" if bad == "failed" else rng.choice(["passed", "passed", "conditional"])
    signoff_role = "reviewer" if bad == "no_adviser" else rng.choice(["legal_adviser", "public_lawyer"])
    pub_day = shift(meeting_day, 5 if bad != "late_publication" else 45)
    return f"""id: BM-{n:07d}
kind: major_administrative_decision
title: {town}{rng.choice(SUBJECTS)}实施方案（第{n}号）
organ: 泽阳县{town}人民政府
department: {rng.choice(DEPTS)}
facts:
  affects_public_interest: true
  stability_risk: {str(rng.random() < 0.5).lower()}
steps:
  - type: public_comment
    start: {start}
    end: {shift(start, 31 if bad != "short_comment" else 12)}
    channel: {town}门户网站
  - type: risk_assessment
    date: {shift(start, 33)}
    outcome: passed
    by: [B-0{rng.randint(21, 30)}]
  - type: legality_review
    submitted: {shift(start, 30)}
    date: {review_day}
    outcome: {outcome}
    by: [B-0{rng.randint(31, 40)}]
    signoffs:
      - {{person: B-0{rng.randint(31, 40)}, role: {signoff_role}, date: {review_day}}}
    documents:
      - {{type: review_opinion, ref: {town}法审〔{year}〕{n % 97 + 1}号}}
  - type: collective_discussion
    date: {meeting_day}
    meeting: {{type: executive, ref: {town}常务会议〔{year}〕{n % 31 + 1}号, minutes: true, dissent_recorded: true}}
    attendees: [B-021, B-022, B-023]
    documents:
      - {{type: minutes, ref: {town}人民政府常务会议纪要〔{year}〕{n % 31 + 1}号}}
      - {{type: draft, ref: {town}{rng.choice(SUBJECTS)}实施方案（送审稿）}}
  - type: decision
    date: {meeting_day}
    by: [B-021]
    documents:
      - {{type: decision_document, ref: {town}政发〔{year}〕{n % 53 + 1}号}}
  - type: publication
    date: {pub_day}
    channel: 泽阳县人民政府门户网站“政务公开”专栏及印象{town}微信公众号
"""


def penalty(rng, n, bad):
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    filed = day(rng, year)
    officers = "[B-001]" if bad == "one_officer" else ("[B-007, B-002]" if bad == "expired" else f"[B-0{rng.randint(10, 15)}, B-0{rng.randint(16, 20)}]")
    decided = shift(filed, 40 if bad != "overdue" else 120)
    return f"""id: BP-{n:07d}
kind: administrative_penalty
title: 对{rng.choice(TOWNS)}某经营户{rng.choice(OFFENCES)}行为的行政处罚（第{n}号）
department: 综合行政执法队
facts:
  major: true
  hearing_eligible: false
  party_present_at_decision: true
  fine_amount: {rng.randint(1, 200) * 1000}
steps:
  - type: case_filing
    date: {filed}
  - type: investigation
    date: {shift(filed, 2)}
    officers: {officers}
    credentials_shown: true
    documents:
      - {{type: inquiry_record, ref: 泽综执询〔{year}〕{n % 211 + 1}号}}
      - {{type: site_inspection_record, ref: 泽综执勘〔{year}〕{n % 197 + 1}号}}
      - {{type: evidence_photos, ref: 现场照片{rng.randint(4, 30)}张（存档于执法办案平台）}}
  - type: notice_of_rights
    date: {shift(filed, 20)}
    documents:
      - {{type: advance_notice, ref: 泽综执罚告〔{year}〕{n % 181 + 1}号（行政处罚事先告知书）}}
  - type: legal_review
    date: {shift(filed, 30)}
    outcome: passed
    by: [B-0{rng.randint(31, 40)}]
  - type: collective_discussion
    date: {shift(filed, 35)}
    meeting: {{type: executive, minutes: true}}
  - type: decision
    date: {decided}
    by: [B-021]
    documents:
      - {{type: penalty_decision, ref: 泽综执罚决〔{year}〕{n % 173 + 1}号（行政处罚决定书）}}
  - type: publication
    date: {shift(decided, 2)}
    channel: 泽阳县人民政府门户网站“双公示”专栏
"""


def normative(rng, n, bad):
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    submitted = day(rng, year)
    reviewed = shift(submitted, 10 if bad != "slow" else 40)
    discussed = shift(reviewed, 6)
    published = shift(discussed, 3)
    filed = shift(published, 10 if bad != "late_filing" else 60)
    discussion = "" if bad == "no_discussion" else f"""  - type: collective_discussion
    date: {discussed}
    meeting: {{type: executive, minutes: true}}
"""
    return f"""id: BN-{n:07d}
kind: normative_document
title: {rng.choice(TOWNS)}{rng.choice(SUBJECTS)}管理办法（第{n}号）
department: {rng.choice(DEPTS)}
steps:
  - type: legality_review
    submitted: {submitted}
    date: {reviewed}
    outcome: passed
    by: [B-0{rng.randint(31, 40)}]
    signoffs:
      - {{person: B-0{rng.randint(31, 40)}, role: public_lawyer, date: {reviewed}}}
    documents:
      - {{type: review_opinion, ref: 泽司审〔{year}〕{n % 89 + 1}号（合法性审核意见书）}}
      - {{type: draft, ref: {rng.choice(TOWNS)}{rng.choice(SUBJECTS)}管理办法（送审稿）及起草说明}}
{discussion}  - type: decision
    date: {shift(discussed, 1)}
    by: [B-021]
    documents:
      - {{type: issuing_document, ref: 泽政规〔{year}〕{n % 37 + 1}号}}
  - type: publication
    date: {published}
    channel: 泽阳县人民政府门户网站“行政规范性文件”专栏
  - type: filing
    date: {filed}
    documents:
      - {{type: filing_report, ref: 关于报送《{rng.choice(SUBJECTS)}管理办法》备案的报告}}
"""


FLAWS = {
    mad: ["late_review", "failed", "no_adviser", "late_publication", "short_comment"],
    penalty: ["one_officer", "expired", "overdue"],
    normative: ["slow", "late_filing", "no_discussion"],
}


def record(n):
    rng = random.Random(n * 7919 + 17)
    kind = (mad, penalty, normative)[n % 3]
    bad = rng.choice(FLAWS[kind]) if rng.random() < 0.3 else None
    return kind(rng, n, bad)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--files-per-dir", type=int, default=1000)
    parser.add_argument("--multi", type=int, default=0, help="write K multi-document files instead of one file per record")
    parser.add_argument("--start", type=int, default=0, help="number the records from S")
    args = parser.parse_args()
    numbers = range(args.start, args.start + args.count)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "registry.yaml"), "w", encoding="utf-8") as f:
        f.write(people())
    if args.multi:
        per_file = (args.count + args.multi - 1) // args.multi
        for k in range(args.multi):
            with open(os.path.join(args.out, f"batch-{k:04d}.yaml"), "w", encoding="utf-8") as f:
                for n in numbers[k * per_file:(k + 1) * per_file]:
                    f.write("---\n" + record(n))
        return
    for place, n in enumerate(numbers):
        folder = os.path.join(args.out, f"d{place // args.files_per_dir:05d}")
        if place % args.files_per_dir == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"r{n:07d}.yaml"), "w", encoding="utf-8") as f:
            f.write(record(n))


if __name__ == "__main__":
    main()
