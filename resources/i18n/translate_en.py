"""Fill explorer_en.ts with the English texts below, then compile it.

The interface is written in Chinese (the source language); this table is the
English translation. After changing interface strings run, from the repo root:

    .venv/bin/pyside6-lupdate explorer/gui/*.py explorer/app.py -ts resources/i18n/explorer_en.ts -target-language en
    .venv/bin/python resources/i18n/translate_en.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent

ENGLISH = {
    "无标题文章": "Untitled article",
    "版面 %1": "page %1",
    "原始文件": "Original file",
    "点击实体页中的文章以阅读原文。": "Click an article on the entity page to read it here.",
    "别名": "Aliases",
    "行政区划": "Administrative path",
    "删除": "delete",
    "关系": "Facts",
    "暂无关系": "No facts yet",
    "原文": "Source text",
    "提及": "Mentions",
    "重命名": "Rename",
    "更改类型": "Change type",
    "合并…": "Merge…",
    "拆分…": "Split…",
    "在左侧搜索并选择一个实体。": "Search on the left and choose an entity.",
    "新名称：": "New name:",
    "重命名“%1”为“%2”": "Rename “%1” to “%2”",
    "类型：": "Type:",
    "将“%1”的类型改为%2": "Change the type of “%1” to %2",
    "删除关系：%1": "Delete fact: %1",
    "人物": "Person",
    "机构": "Organisation",
    "地点": "Place",
    "项目": "Programme",
    "荣誉": "Honour",
    "文件没有文字内容：%1": "The file holds no text: %1",
    "文件太大：%1": "The file is too large: %1",
    "无法识别文件编码：%1": "Cannot tell the text encoding of %1",
    "这不是文本文件：%1": "Not a text file: %1",
    "PDF 文件损坏、加密或没有文字层：%1": "The PDF is damaged, encrypted or has no text layer: %1",
    "不支持的文件格式：%1": "Unsupported file format: %1",
    "无法读取文件 %1：%2": "Cannot read %1: %2",
    "无法打开项目 %1：%2": "Cannot open the project %1: %2",
    "项目正被其他程序写入，请稍后再试。": "Another program is writing to the project; try again in a moment.",
    "项目由更新版本的 explorer 创建，无法打开。": "The project was made by a newer explorer and cannot be opened.",
    "项目出错：%1": "Project error: %1",
    "找不到：%1": "Not found: %1",
    "“%1”对应多个实体：%2": "“%1” matches several entities: %2",
    "文本分析模型无法加载：%1": "The text analysis model cannot be loaded: %1",
    "导出失败：%1": "Export failed: %1",
    "已取消。": "Cancelled.",
    "意外错误：%1": "Unexpected error: %1",
    "出错了": "Something went wrong",
    "跳数 ": "hops ",
    "上限 ": "max ",
    "最多显示多少个节点（按提及次数保留）": "At most this many nodes are shown (the most mentioned are kept)",
    "按提及次数保留最常见的实体；可在工具栏调高上限": "The most mentioned entities are kept; raise the maximum in the toolbar",
    "显示前 %1 个节点（已截断，正在计数…）": "Showing the first %1 nodes (cut; counting…)",
    "显示前 %1 个节点 / 共 %2 个": "Showing the first %1 of %2 nodes",
    "显示更多": "show more",
    "正在读取证据…": "Reading the evidence…",
    "没有证据句。": "No evidence sentence.",
    "另有 %1 句": "%1 more sentences",
    "显示几跳以内的邻居": "How many facts away neighbours are shown",
    "放大": "Zoom in",
    "缩小": "Zoom out",
    "适应": "Fit",
    "缩放到全部节点": "Zoom to show every node",
    "显示或隐藏此类型": "Show or hide this type",
    "%1 个节点 · %2 条关系": "%1 nodes · %2 facts",
    "设为中心": "Make centre",
    "就地展开": "Expand in place",
    "打开实体页": "Open entity page",
    "隐藏此类型": "Hide this type",
    "导入文件": "Import files",
    "添加文件…": "Add files…",
    "添加文件夹…": "Add folder…",
    "例如：聊城日报": "e.g. Liaocheng Daily",
    "指定日期": "Set date",
    "开始导入": "Import",
    "取消": "Cancel",
    "关闭": "Close",
    "来源": "Source",
    "所在城市": "Home city",
    "日期": "Date",
    "要导入的文件（也可以拖放到主窗口）：": "Files to import (you can also drop them on the main window):",
    "选择文件": "Choose files",
    "文本与 PDF (*.txt *.pdf *.html *.htm);;所有文件 (*)": "Text and PDF (*.txt *.pdf *.html *.htm);;All files (*)",
    "选择文件夹": "Choose a folder",
    "正在准备…": "Preparing…",
    "正在取消…（当前文件处理完后停止）": "Cancelling… (stops after the current file)",
    "正在处理：%1": "Processing: %1",
    "%1 个文件，新增或更新 %2 篇文章，%3 个失败": "%1 files, %2 articles added or updated, %3 failed",
    "已处理 %1 个文件 · 已存入 %2 篇文章 · %3 个失败": "%1 files done · %2 articles stored · %3 failed",
    "已添加": "added",
    "已更新": "updated",
    "未变化": "unchanged",
    "失败": "failed",
    "已跳过": "skipped",
    "文件": "File",
    "状态": "Status",
    "文章": "Articles",
    "说明": "Details",
    "搜索": "Search",
    "实体": "Entity",
    "后退": "Back",
    "前进": "Forward",
    "撤销": "Undo",
    "重做": "Redo",
    "导航": "Navigation",
    "双击设为中心，右键展开": "double-click to centre, right-click to expand",
    "合并到当前实体": "Merge into the current entity",
    "把“%1”合并到“%2”": "Merge “%1” into “%2”",
    "拆分“%1”": "Split “%1”",
    "项目(&P)": "&Project",
    "新建项目…": "New project…",
    "打开项目…": "Open project…",
    "另存为…": "Save as…",
    "最近的项目": "Recent projects",
    "导入文件…": "Import files…",
    "退出": "Quit",
    "编辑(&E)": "&Edit",
    "导航(&N)": "&Navigate",
    "查找路径…": "Find paths…",
    "视图(&V)": "&View",
    "适应窗口": "Fit to window",
    "导出(&X)": "E&xport",
    "当前视图": "Current view",
    "整个图谱": "Whole graph",
    "设置(&S)": "&Settings",
    "界面语言": "Interface language",
    "未打开项目": "No project",
    "%1 篇文章 · %2 个实体 · %3 条关系": "%1 articles · %2 entities · %3 facts",
    "（无）": "(none)",
    "新建项目": "New project",
    "打开项目": "Open project",
    "项目另存为": "Save project as",
    "另存为失败": "Save as failed",
    "请先打开一个实体。": "Open an entity first.",
    "导出": "Export",
    "已导出：%1": "Exported: %1",
    "界面语言将在重新启动后生效。": "The interface language changes after a restart.",
    "正在导入示例语料…": "Importing the sample corpus…",
    "没有找到路径。": "No path found.",
    "路径 %1（%2 步）": "Path %1 (%2 steps)",
    "路径查找": "Path finder",
    "查找路径": "Find paths",
    "起点": "From",
    "终点": "To",
    "最多路径数": "At most this many paths",
    "请先选择起点和终点。": "Choose both ends first.",
    "正在查找…": "Searching…",
    "包含": "contains",
    "获得者": "awarded to",
    "人员": "people",
    "颁发": "issues",
    "参与者": "participants",
    "下属": "parts",
    "位于": "located in",
    "获得": "awarded",
    "任职于": "works at",
    "颁发单位": "issued by",
    "参与": "takes part in",
    "隶属于": "part of",
    "搜索：汉字、拼音、首字母或别名": "Search: characters, pinyin, initials or aliases",
    "全部类型": "All types",
    "%1 个结果": "%1 results",
    "%1 · 提及 %2 次": "%1 · %2 mentions",
    "选中的文章中的提及将成为一个新实体：": "Mentions in the ticked articles become a new entity:",
}


def fill(ts_path: Path) -> list[str]:
    """Write the English texts into the .ts file; return sources still untranslated."""
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if source in ENGLISH:
            translation.text = ENGLISH[source]
            translation.attrib.pop("type", None)
        elif translation.attrib.get("type") != "obsolete":
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    ts_path = HERE / "explorer_en.ts"
    missing = fill(ts_path)
    for source in missing:
        print("untranslated:", source, file=sys.stderr)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts_path), "-qm", str(HERE / "explorer_en.qm")], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
