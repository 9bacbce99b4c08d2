"""Writes rules/manifest.yaml: the files of the built-in rules folder, which every run checks are
all there (a partial copy, or a built-in rule deleted where it was meant to be disabled, left its
checks undone). Run by `make manifest` after adding or removing a file under rules/."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RULES = os.path.join(ROOT, "rules")

HEADER = """# 内置规则文件夹的文件清单：每次运行都核对这些文件是否都在，缺少任何一个即停止运行（部分复制、误删的
# 内置规则会使其检查悄悄不做；要停用规则请在配置中写 disable）。修改 rules/ 中的文件后用 make manifest 重新生成。
# The files of the built-in rules folder: every run makes sure each is there, and stops when one is
# missing (a partial copy or a deleted built-in rule left its checks undone, unsaid; disable a rule in
# the configuration instead). Regenerate with `make manifest` after adding or removing a file.
files:
"""


def main():
    files = []
    for folder, names, entries in os.walk(RULES):
        names[:] = sorted(name for name in names if not name.startswith("."))
        for entry in entries:
            if entry.startswith("."):
                continue
            path = os.path.relpath(os.path.join(folder, entry), RULES)
            if path != "manifest.yaml":
                files.append(path)
    with open(os.path.join(RULES, "manifest.yaml"), "w", encoding="utf-8") as out:
        out.write(HEADER + "".join(f"  - {path}\n" for path in sorted(files)))


if __name__ == "__main__":
    main()
