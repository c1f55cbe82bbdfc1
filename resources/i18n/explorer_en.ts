<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ArticleReader</name>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="68" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="72" />
        <source>版面 %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="78" />
        <source>原始文件</source>
        <translation>Original file</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="96" />
        <source>点击实体页中的文章以阅读原文。</source>
        <translation>Click an article on the entity page to read it here.</translation>
    </message>
</context>
<context>
    <name>EdgePanel</name>
    <message>
        <location filename="../../explorer/gui/canvas_overlays.py" line="92" />
        <source>没有证据句。</source>
        <translation>No evidence sentence.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/canvas_overlays.py" line="94" />
        <source>另有 %1 句</source>
        <translation>%1 more sentences</translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="42" />
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="45" />
        <source>行政区划</source>
        <translation>Administrative path</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="47" />
        <source>删除</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="52" />
        <source>关系</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="55" />
        <source>暂无关系</source>
        <translation>No facts yet</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="71" />
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="78" />
        <source>提及</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="81" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="110" />
        <location filename="../../explorer/gui/entity_page.py" line="160" />
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="111" />
        <location filename="../../explorer/gui/entity_page.py" line="175" />
        <source>更改类型</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="112" />
        <source>合并…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="113" />
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="132" />
        <source>在左侧搜索并选择一个实体。</source>
        <translation>Search on the left and choose an entity.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="160" />
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="166" />
        <source>重命名“%1”为“%2”</source>
        <translation>Rename “%1” to “%2”</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="175" />
        <source>类型：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="181" />
        <source>将“%1”的类型改为%2</source>
        <translation>Change the type of “%1” to %2</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="189" />
        <source>删除关系：%1</source>
        <translation>Delete fact: %1</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <location filename="../../explorer/gui/style.py" line="36" />
        <source>人物</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="37" />
        <source>机构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="38" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="39" />
        <source>项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="40" />
        <source>荣誉</source>
        <translation>Honour</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../explorer/gui/errors.py" line="22" />
        <source>文件没有文字内容：%1</source>
        <translation>The file holds no text: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="24" />
        <source>文件太大：%1</source>
        <translation>The file is too large: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="26" />
        <source>无法识别文件编码：%1</source>
        <translation>Cannot tell the text encoding of %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="28" />
        <source>这不是文本文件：%1</source>
        <translation>Not a text file: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="30" />
        <source>PDF 文件损坏、加密或没有文字层：%1</source>
        <translation>The PDF is damaged, encrypted or has no text layer: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="32" />
        <source>不支持的文件格式：%1</source>
        <translation>Unsupported file format: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="34" />
        <source>无法读取文件 %1：%2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="36" />
        <source>无法打开项目 %1：%2</source>
        <translation>Cannot open the project %1: %2</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="38" />
        <source>项目正被其他程序写入，请稍后再试。</source>
        <translation>Another program is writing to the project; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="40" />
        <source>项目由更新版本的 explorer 创建，无法打开。</source>
        <translation>The project was made by a newer explorer and cannot be opened.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="42" />
        <source>项目出错：%1</source>
        <translation>Project error: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="44" />
        <source>找不到：%1</source>
        <translation>Not found: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="46" />
        <source>“%1”对应多个实体：%2</source>
        <translation>“%1” matches several entities: %2</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="48" />
        <source>文本分析模型无法加载：%1</source>
        <translation>The text analysis model cannot be loaded: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="50" />
        <source>导出失败：%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="52" />
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="55" />
        <source>意外错误：%1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/errors.py" line="71" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>GraphCanvas</name>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="158" />
        <source>跳数 </source>
        <translation>hops </translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="159" />
        <source>显示几跳以内的邻居</source>
        <translation>How many facts away neighbours are shown</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="165" />
        <source>上限 </source>
        <translation>max </translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="167" />
        <source>最多显示多少个节点（按提及次数保留）</source>
        <translation>At most this many nodes are shown (the most mentioned are kept)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="174" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="175" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="176" />
        <source>适应</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="176" />
        <source>缩放到全部节点</source>
        <translation>Zoom to show every node</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="192" />
        <source>显示或隐藏此类型</source>
        <translation>Show or hide this type</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="513" />
        <source>%1 个节点 · %2 条关系</source>
        <translation>%1 nodes · %2 facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="580" />
        <source>设为中心</source>
        <translation>Make centre</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="582" />
        <source>就地展开</source>
        <translation>Expand in place</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="584" />
        <source>打开实体页</source>
        <translation>Open entity page</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="586" />
        <source>隐藏此类型</source>
        <translation>Hide this type</translation>
    </message>
</context>
<context>
    <name>IngestDialog</name>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="43" />
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="48" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="50" />
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="53" />
        <source>例如：聊城日报</source>
        <translation>e.g. Liaocheng Daily</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="55" />
        <source>指定日期</source>
        <translation>Set date</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="75" />
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="77" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="79" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="87" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="88" />
        <source>所在城市</source>
        <translation>Home city</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="92" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="98" />
        <source>要导入的文件（也可以拖放到主窗口）：</source>
        <translation>Files to import (you can also drop them on the main window):</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="130" />
        <source>选择文件</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="130" />
        <source>文本与 PDF (*.txt *.pdf *.html *.htm);;所有文件 (*)</source>
        <translation>Text and PDF (*.txt *.pdf *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="134" />
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="148" />
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="164" />
        <source>正在取消…（当前文件处理完后停止）</source>
        <translation>Cancelling… (stops after the current file)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="171" />
        <source>正在处理：%1</source>
        <translation>Processing: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="186" />
        <source>已处理 %1 个文件 · 已存入 %2 篇文章 · %3 个失败</source>
        <translation>%1 files done · %2 articles stored · %3 failed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="195" />
        <source>%1 个文件，新增或更新 %2 篇文章，%3 个失败</source>
        <translation>%1 files, %2 articles added or updated, %3 failed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="198" />
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>IngestOutcomeModel</name>
    <message>
        <location filename="../../explorer/gui/models.py" line="91" />
        <source>已添加</source>
        <translation>added</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="92" />
        <source>已更新</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="93" />
        <source>未变化</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="94" />
        <source>失败</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="95" />
        <source>已跳过</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="103" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="103" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="103" />
        <source>文章</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/models.py" line="103" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>LimitNote</name>
    <message>
        <location filename="../../explorer/gui/canvas_overlays.py" line="40" />
        <source>按提及次数保留最常见的实体；可在工具栏调高上限</source>
        <translation>The most mentioned entities are kept; raise the maximum in the toolbar</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/canvas_overlays.py" line="45" />
        <source>显示前 %1 个节点（已截断，正在计数…）</source>
        <translation>Showing the first %1 nodes (cut; counting…)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/canvas_overlays.py" line="47" />
        <source>显示前 %1 个节点 / 共 %2 个</source>
        <translation>Showing the first %1 of %2 nodes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="72" />
        <location filename="../../explorer/gui/menus.py" line="58" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="73" />
        <source>实体</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="74" />
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="95" />
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="98" />
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="101" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="103" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="105" />
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="268" />
        <source>双击设为中心，右键展开</source>
        <translation>double-click to centre, right-click to expand</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="338" />
        <source>合并到当前实体</source>
        <translation>Merge into the current entity</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="341" />
        <source>把“%1”合并到“%2”</source>
        <translation>Merge “%1” into “%2”</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="352" />
        <source>拆分“%1”</source>
        <translation>Split “%1”</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="39" />
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="40" />
        <source>新建项目…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="41" />
        <source>打开项目…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="42" />
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="43" />
        <source>最近的项目</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="46" />
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="48" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="50" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="54" />
        <source>导航(&amp;N)</source>
        <translation>&amp;Navigate</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="57" />
        <source>查找路径…</source>
        <translation>Find paths…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="60" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="64" />
        <source>适应窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="66" />
        <source>导出(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="67" />
        <source>当前视图</source>
        <translation>Current view</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="68" />
        <source>整个图谱</source>
        <translation>Whole graph</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="73" />
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="74" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="101" />
        <source>未打开项目</source>
        <translation>No project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="109" />
        <source>%1 篇文章 · %2 个实体 · %3 条关系</source>
        <translation>%1 articles · %2 entities · %3 facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="132" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="151" />
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="156" />
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="163" />
        <source>项目另存为</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="175" />
        <source>另存为失败</source>
        <translation>Save as failed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="206" />
        <source>请先打开一个实体。</source>
        <translation>Open an entity first.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="210" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="215" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="239" />
        <source>界面语言将在重新启动后生效。</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
    <message>
        <location filename="../../explorer/app.py" line="240" />
        <source>正在导入示例语料…</source>
        <translation>Importing the sample corpus…</translation>
    </message>
</context>
<context>
    <name>PathFinderDialog</name>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="67" />
        <source>没有找到路径。</source>
        <translation>No path found.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="71" />
        <source>路径 %1（%2 步）</source>
        <translation>Path %1 (%2 steps)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="97" />
        <source>路径查找</source>
        <translation>Path finder</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="104" />
        <source>查找路径</source>
        <translation>Find paths</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="110" />
        <source>起点</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="110" />
        <source>终点</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="116" />
        <source>最多路径数</source>
        <translation>At most this many paths</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="127" />
        <source>请先选择起点和终点。</source>
        <translation>Choose both ends first.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="130" />
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <location filename="../../explorer/gui/style.py" line="49" />
        <source>包含</source>
        <translation>contains</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="50" />
        <source>获得者</source>
        <translation>awarded to</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="51" />
        <source>人员</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="52" />
        <source>颁发</source>
        <translation>issues</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="53" />
        <source>参与者</source>
        <translation>participants</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="54" />
        <source>下属</source>
        <translation>parts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="58" />
        <source>位于</source>
        <translation>located in</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="59" />
        <source>获得</source>
        <translation>awarded</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="60" />
        <source>任职于</source>
        <translation>works at</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="61" />
        <source>颁发单位</source>
        <translation>issued by</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="62" />
        <source>参与</source>
        <translation>takes part in</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="63" />
        <source>隶属于</source>
        <translation>part of</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="76" />
        <source>搜索：汉字、拼音、首字母或别名</source>
        <translation>Search: characters, pinyin, initials or aliases</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="79" />
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="145" />
        <source>%1 个结果</source>
        <translation>%1 results</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../explorer/gui/models.py" line="52" />
        <source>%1 · 提及 %2 次</source>
        <translation>%1 · %2 mentions</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="157" />
        <source>拆分“%1”</source>
        <translation>Split “%1”</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="164" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="173" />
        <source>选中的文章中的提及将成为一个新实体：</source>
        <translation>Mentions in the ticked articles become a new entity:</translation>
    </message>
</context>
</TS>