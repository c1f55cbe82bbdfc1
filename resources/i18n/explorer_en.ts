<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ArticleReader</name>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="104" />
        <location filename="../../explorer/gui/article_reader.py" line="127" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="108" />
        <location filename="../../explorer/gui/article_reader.py" line="131" />
        <source>版面 %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="118" />
        <source>OCR 识别 %1%</source>
        <translation>OCR %1%</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="119" />
        <source>文字由扫描页识别而来</source>
        <translation>Text read from a scanned page</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="121" />
        <source>；橙色底纹处识别把握较低，请对照原版</source>
        <translation>; characters on orange were read with low confidence, check the original</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="139" />
        <source>原始文件</source>
        <translation>Original file</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="163" />
        <source>加宽</source>
        <translation>Widen</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="164" />
        <source>加宽阅读区</source>
        <translation>Widen the reader</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="167" />
        <source>标签页</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="168" />
        <source>在标签页中打开</source>
        <translation>Open in a tab</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="171" />
        <source>原版</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="172" />
        <source>在文字旁显示扫描页，红框标出本文所在区域</source>
        <translation>Show the scanned page beside the text, the article outlined in red</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/article_reader.py" line="198" />
        <source>点击实体页中的文章以阅读原文。</source>
        <translation>Click an article on the entity page to read it here.</translation>
    </message>
</context>
<context>
    <name>ArticlesModel</name>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="95" />
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="95" />
        <source>字数</source>
        <translation>Characters</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="95" />
        <source>提及</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="102" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="104" />
        <source>双击在阅读器中打开</source>
        <translation>Double-click to open it in the reader</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="47" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="47" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="47" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="47" />
        <source>版面</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="47" />
        <source>文章</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="47" />
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/document_models.py" line="47" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="44" />
        <source>筛选：文件名、来源或日期（如 2023-03）</source>
        <translation>Filter: file name, source or date (e.g. 2023-03)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="60" />
        <source>删除…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="61" />
        <source>删除此文档及其文章、提及和关系；您的更正会保留</source>
        <translation>Remove this document with its articles, mentions and facts; your corrections are kept</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="63" />
        <source>重新分析</source>
        <translation>Analyse again</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="64" />
        <source>用当前的规则重新分析此文档</source>
        <translation>Analyse this document again with the current rules</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="159" />
        <source>删除“%1”及其 %2 篇文章、提及和关系？</source>
        <translation>Remove “%1” with its %2 articles, mentions and facts?</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="160" />
        <source>您对实体所做的更正会保留：以后重新导入此文件时会再次应用。</source>
        <translation>Your corrections to entities are kept: they apply again when you import this file later.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="161" />
        <source>删除文档</source>
        <translation>Remove document</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="171" />
        <source>已删除“%1”：%2 篇文章、%3 条关系。</source>
        <translation>Removed “%1”: %2 articles, %3 facts.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="174" />
        <source>%1 项更正已保留，重新导入即可恢复。</source>
        <translation>%1 corrections kept; import the file again to restore it.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="180" />
        <source>正在删除…</source>
        <translation>Removing…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="191" />
        <source>已重新分析“%1”：%2 篇文章。</source>
        <translation>Analysed “%1” again: %2 articles.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="197" />
        <source>正在重新分析… %1%</source>
        <translation>Analysing again… %1%</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/documents_panel.py" line="199" />
        <source>正在重新分析…</source>
        <translation>Analysing again…</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>把新闻页面（.txt .pdf .html）或文件夹拖到这里</source>
        <translation>Drop news pages (.txt .pdf .html) or folders here</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="134" />
        <source>把新闻页面（.txt .pdf .html、扫描图片）或文件夹拖到这里</source>
        <translation>Drop news pages (.txt .pdf .html, scans) or folders here</translation>
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
        <location filename="../../explorer/gui/entity_page.py" line="43" />
        <source>别名</source>
        <translation>Aliases</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="46" />
        <source>行政区划</source>
        <translation>Administrative path</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="52" />
        <source>删除</source>
        <translation>delete</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="57" />
        <source>关系</source>
        <translation>Facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="60" />
        <source>暂无关系</source>
        <translation>No facts yet</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="76" />
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="83" />
        <source>提及</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="86" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="116" />
        <location filename="../../explorer/gui/entity_page.py" line="169" />
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="117" />
        <location filename="../../explorer/gui/entity_page.py" line="184" />
        <source>更改类型</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="118" />
        <source>合并…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="119" />
        <source>拆分…</source>
        <translation>Split…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="138" />
        <source>在左侧搜索并选择一个实体。</source>
        <translation>Search on the left and choose an entity.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="169" />
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="175" />
        <source>重命名“%1”为“%2”</source>
        <translation>Rename “%1” to “%2”</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="184" />
        <source>类型：</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="190" />
        <source>将“%1”的类型改为%2</source>
        <translation>Change the type of “%1” to %2</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/entity_page.py" line="198" />
        <source>删除关系：%1</source>
        <translation>Delete fact: %1</translation>
    </message>
</context>
<context>
    <name>EntityPickerDialog</name>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="78" />
        <source>搜索并选择要并入“%1”的实体。</source>
        <translation>Search for and choose the entity to merge into “%1”.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="80" />
        <source>不能把实体合并到它自己。</source>
        <translation>An entity cannot be merged into itself.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="82" />
        <source>把 %1 合并到 %2：前者的名称、提及和关系都归入后者，可以撤销。</source>
        <translation>Merge %1 into %2: the names, mentions and facts of the first go to the second. This can be undone.</translation>
    </message>
</context>
<context>
    <name>EntityTypes</name>
    <message>
        <location filename="../../explorer/gui/style.py" line="27" />
        <source>人物</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="28" />
        <source>机构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="29" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="30" />
        <source>项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="31" />
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
        <location filename="../../explorer/gui/graph_canvas.py" line="172" />
        <source>跳数 </source>
        <translation>hops </translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="173" />
        <source>显示几跳以内的邻居</source>
        <translation>How many facts away neighbours are shown</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="179" />
        <source>上限 </source>
        <translation>max </translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="181" />
        <source>最多显示多少个节点（按提及次数保留）</source>
        <translation>At most this many nodes are shown (the most mentioned are kept)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="188" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="189" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="190" />
        <source>适应</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="190" />
        <source>缩放到全部节点</source>
        <translation>Zoom to show every node</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="206" />
        <source>显示或隐藏此类型</source>
        <translation>Show or hide this type</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="213" />
        <source>同文共现</source>
        <translation>Co-mentions</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="214" />
        <source>显示在同一篇文章中被提及的实体（浅色虚线，越粗表示共同出现的文章越多）；这不是抽取出的关系</source>
        <translation>Show entities named in the same article (light dashed lines, thicker for more shared articles); these are not extracted facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="537" />
        <source>%1 个节点 · %2 条关系</source>
        <translation>%1 nodes · %2 facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="539" />
        <source>%1 对共现</source>
        <translation>%1 co-mentions</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="623" />
        <source>设为中心</source>
        <translation>Make centre</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="625" />
        <source>就地展开</source>
        <translation>Expand in place</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="627" />
        <source>打开实体页</source>
        <translation>Open entity page</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/graph_canvas.py" line="629" />
        <source>隐藏此类型</source>
        <translation>Hide this type</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/comention_items.py" line="31" />
        <source>%1 · %2
在 %3 篇文章中同时出现</source>
        <translation>%1 · %2
named together in %3 articles</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="48" />
        <source>%1 个文档</source>
        <translation>%1 documents</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="51" />
        <source>%1 篇文章</source>
        <translation>%1 articles</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="54" />
        <source>来源：%1</source>
        <translation>Sources: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="62" />
        <source>%1 条关系</source>
        <translation>%1 facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="69" />
        <source>荣誉榜</source>
        <translation>Honour board</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="70" />
        <source>获得荣誉最多的机构</source>
        <translation>Organisations with the most honours</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="71" />
        <source>还没有获奖记录</source>
        <translation>No honours yet</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="72" />
        <source>获誉机构最多的县区</source>
        <translation>Counties and districts with the most honoured organisations</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="73" />
        <source>无法确定所在县区</source>
        <translation>No county could be determined</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="74" />
        <source>联系最多</source>
        <translation>Most connected</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="75" />
        <source>最近导入</source>
        <translation>Recent imports</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="76" />
        <source>管理全部文档…</source>
        <translation>All documents…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="88" />
        <source>%1 家机构 · %2 项荣誉</source>
        <translation>%1 organisations · %2 honours</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="104" />
        <source>%1 篇</source>
        <translation>%1 articles</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="116" />
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="117" />
        <source>文件已修改</source>
        <translation>File changed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="118" />
        <source>文件不存在</source>
        <translation>File missing</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="119" />
        <source>没有文章</source>
        <translation>No articles</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="205" />
        <source>导入报纸的版面（PDF 转出的文本、PDF 本身或保存的网页），explorer 会找出其中的人物、机构、地点、项目和荣誉，以及它们之间的关系。</source>
        <translation>Import newspaper pages (text extracted from PDF, the PDFs themselves or saved web pages); explorer finds the people, organisations, places, programmes and honours in them and how they are related.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="207" />
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="210" />
        <source>打开示例项目</source>
        <translation>Open the sample project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="211" />
        <source>四个虚构的版面，单独存放，不会写入您的项目</source>
        <translation>Four fictional pages, kept apart: nothing is written into your project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="248" />
        <source>这是示例项目：其中的版面、公司和人物都是为演示虚构的，地名是真实的。它单独存放，不会写入您自己的项目。</source>
        <translation>This is the sample project: its pages, companies and people are fictional, made up for the demonstration; the place names are real. It is kept apart and never written into your own projects.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/home_page.py" line="249" />
        <source>打开我的项目</source>
        <translation>Open my project</translation>
    </message>
</context>
<context>
    <name>IngestDialog</name>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="44" />
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="50" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="52" />
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>例如：聊城日报</source>
        <translation>e.g. Liaocheng Daily</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="55" />
        <source>例如：南通日报</source>
        <translation>e.g. 南通日报</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="57" />
        <source>留空则从报名、电头或文件名推断</source>
        <translation>Leave empty to infer it from the paper's name, the dateline or the file name</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="58" />
        <source>指定日期</source>
        <translation>Set date</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="78" />
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="80" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="82" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="90" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="91" />
        <source>所在城市</source>
        <translation>Home city</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="95" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="101" />
        <source>要导入的文件（也可以拖放到主窗口）：</source>
        <translation>Files to import (you can also drop them on the main window):</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="133" />
        <source>选择文件</source>
        <translation>Choose files</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="133" />
        <source>文本、PDF、网页与扫描页 (*.txt *.pdf *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</source>
        <translation>Text, PDF, web pages and scans (*.txt *.pdf *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</translation>
    </message>
    <message>
        <source>文本与 PDF (*.txt *.pdf *.html *.htm);;所有文件 (*)</source>
        <translation>Text and PDF (*.txt *.pdf *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="137" />
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="152" />
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="168" />
        <source>正在取消…（当前文件处理完后停止）</source>
        <translation>Cancelling… (stops after the current file)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="175" />
        <source>正在处理：%1</source>
        <translation>Processing: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="183" />
        <source>剩余不到 1 分钟</source>
        <translation>less than a minute left</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="184" />
        <source>剩余约 %1 分钟</source>
        <translation>about %1 min left</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="199" />
        <source>已处理 %1 个文件 · 已存入 %2 篇文章 · %3 个失败</source>
        <translation>%1 files done · %2 articles stored · %3 failed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="208" />
        <source>%1 个文件，新增或更新 %2 篇文章，%3 个失败</source>
        <translation>%1 files, %2 articles added or updated, %3 failed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/ingest_dialog.py" line="211" />
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
    <name>LexiconPanel</name>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="29" />
        <source>教过</source>
        <translation>taught</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="30" />
        <source>导入</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="31" />
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="32" />
        <source>合并</source>
        <translation>merge</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="33" />
        <source>更改类型</source>
        <translation>Change type</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="40" />
        <source>不是名称</source>
        <translation>Not a name</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>规范名称</source>
        <translation>Canonical name</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>提及</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>文章</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="108" />
        <source>撤销上次教学</source>
        <translation>Undo last teaching</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="109" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="129" />
        <source>%1 篇文档仍待重新分析。</source>
        <translation>%1 documents still wait for re-analysis.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/lexicon_panel.py" line="131" />
        <source>在原文中选中文字，右键即可教会 explorer 一个名称。</source>
        <translation>Select text in the source text and right-click to teach explorer a name.</translation>
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
        <location filename="../../explorer/gui/main_window.py" line="95" />
        <source>图谱</source>
        <translation>Graph</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="101" />
        <location filename="../../explorer/gui/menus.py" line="61" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="102" />
        <source>实体</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="103" />
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="104" />
        <source>文档</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="127" />
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="130" />
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="134" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="137" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="142" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="144" />
        <source>项目概览（Alt+Home）</source>
        <translation>Project overview (Alt+Home)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="146" />
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="159" />
        <source>撤销：%1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="159" />
        <source>没有可撤销的更正</source>
        <translation>No correction to undo</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="160" />
        <source>重做：%1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="160" />
        <source>没有可重做的更正</source>
        <translation>No correction to redo</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="341" />
        <source>“%1”不在这个项目的文章中。</source>
        <translation>“%1” is not in this project's articles.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="362" />
        <source>双击设为中心，右键展开</source>
        <translation>double-click to centre, right-click to expand</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="439" />
        <source>合并到“%1”</source>
        <translation>Merge into “%1”</translation>
    </message>
    <message>
        <source>合并到当前实体</source>
        <translation>Merge into the current entity</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="442" />
        <source>把“%1”合并到“%2”</source>
        <translation>Merge “%1” into “%2”</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/main_window.py" line="453" />
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
        <location filename="../../explorer/gui/menus.py" line="45" />
        <source>打开示例项目</source>
        <translation>Open the sample project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="47" />
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="48" />
        <source>文档…</source>
        <translation>Documents…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="50" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="52" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="56" />
        <source>导航(&amp;N)</source>
        <translation>&amp;Navigate</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="60" />
        <source>查找路径…</source>
        <translation>Find paths…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="63" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="67" />
        <source>适应窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="69" />
        <source>导出(&amp;X)</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="70" />
        <source>当前视图</source>
        <translation>Current view</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="71" />
        <source>整个图谱</source>
        <translation>Whole graph</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="76" />
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="77" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="104" />
        <source>未打开项目</source>
        <translation>No project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="112" />
        <source>%1 篇文章 · %2 个实体 · %3 条关系</source>
        <translation>%1 articles · %2 entities · %3 facts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="135" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="155" />
        <source>新建项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="160" />
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="167" />
        <source>项目另存为</source>
        <translation>Save project as</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="179" />
        <source>另存为失败</source>
        <translation>Save as failed</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="214" />
        <source>请先打开一个实体。</source>
        <translation>Open an entity first.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="218" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="223" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/menus.py" line="247" />
        <source>界面语言将在重新启动后生效。</source>
        <translation>The interface language changes after a restart.</translation>
    </message>
    <message>
        <source>正在导入示例语料…</source>
        <translation>Importing the sample corpus…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/window_pages.py" line="64" />
        <source>%1：按提及次数</source>
        <translation>%1 by mentions</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/window_pages.py" line="108" />
        <source>正在准备示例项目…</source>
        <translation>Preparing the sample project…</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/window_pages.py" line="111" />
        <location filename="../../explorer/app.py" line="281" />
        <source>正在导入示例页面：%1</source>
        <translation>Importing the sample pages: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/window_pages.py" line="130" />
        <source>示例项目不接收导入：已切换到您自己的项目。</source>
        <translation>The sample project takes no imports: switched to your own project.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/window_pages.py" line="141" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../explorer/gui/page_view.py" line="51" />
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/page_view.py" line="57" />
        <source>没有保存这篇文章的扫描页。</source>
        <translation>No scanned page is stored for this article.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/page_view.py" line="72" />
        <source>无法读取第 %1 页的扫描图。</source>
        <translation>The scan of page %1 cannot be read.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/page_view.py" line="82" />
        <source>扫描页 %1 · 识别置信度 %2% · 红框为本文所在区域</source>
        <translation>Scanned page %1 · OCR confidence %2% · the article is outlined in red</translation>
    </message>
</context>
<context>
    <name>PathFinderDialog</name>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="94" />
        <source>没有找到路径。</source>
        <translation>No path found.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="98" />
        <source>路径 %1（%2 步）</source>
        <translation>Path %1 (%2 steps)</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="124" />
        <source>路径查找</source>
        <translation>Path finder</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="131" />
        <source>查找路径</source>
        <translation>Find paths</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="137" />
        <source>起点</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="137" />
        <source>终点</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="143" />
        <source>最多路径数</source>
        <translation>At most this many paths</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="154" />
        <source>请先选择起点和终点。</source>
        <translation>Choose both ends first.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="157" />
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <location filename="../../explorer/gui/style.py" line="40" />
        <source>包含</source>
        <translation>contains</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="41" />
        <source>获得者</source>
        <translation>awarded to</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="42" />
        <source>人员</source>
        <translation>people</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="43" />
        <source>颁发</source>
        <translation>issues</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="44" />
        <source>参与者</source>
        <translation>participants</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="45" />
        <source>下属</source>
        <translation>parts</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="49" />
        <source>位于</source>
        <translation>located in</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="50" />
        <source>获得</source>
        <translation>awarded</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="51" />
        <source>任职于</source>
        <translation>works at</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="52" />
        <source>颁发单位</source>
        <translation>issued by</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="53" />
        <source>参与</source>
        <translation>takes part in</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/style.py" line="54" />
        <source>隶属于</source>
        <translation>part of</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="84" />
        <source>搜索：汉字、拼音、首字母或别名</source>
        <translation>Search: characters, pinyin, initials or aliases</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="87" />
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="162" />
        <location filename="../../explorer/gui/search_panel.py" line="177" />
        <source>%1 个结果</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="200" />
        <source>没有找到“%1”。</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="207" />
        <source>您要找的是不是：</source>
        <translation>Did you mean: </translation>
    </message>
    <message>
        <location filename="../../explorer/gui/search_panel.py" line="209" />
        <source>可以试试更短的写法、拼音或首字母。</source>
        <translation>Try a shorter form, pinyin or initials.</translation>
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
        <location filename="../../explorer/gui/dialogs.py" line="184" />
        <source>拆分“%1”</source>
        <translation>Split “%1”</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="191" />
        <source>无标题文章</source>
        <translation>Untitled article</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/dialogs.py" line="200" />
        <source>选中的文章中的提及将成为一个新实体：</source>
        <translation>Mentions in the ticked articles become a new entity:</translation>
    </message>
</context>
<context>
    <name>TeachController</name>
    <message>
        <location filename="../../explorer/gui/teach.py" line="46" />
        <source>词库</source>
        <translation>Lexicon</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="57" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="95" />
        <source>选中的文字太长，不是一个名称</source>
        <translation>The selection is too long to be a name</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="99" />
        <source>这是 %1</source>
        <translation>Mark as %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="102" />
        <source>不是名称</source>
        <translation>Not a name</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="122" />
        <location filename="../../explorer/gui/teach.py" line="127" />
        <source>正在教学：%1</source>
        <translation>Teaching: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="132" />
        <source>正在移除：%1</source>
        <translation>Removing: %1</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="136" />
        <source>正在撤销上次教学</source>
        <translation>Undoing the last teaching</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/teach.py" line="176" />
        <source>没有可撤销的教学。</source>
        <translation>Nothing to undo.</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <location filename="../../explorer/gui/timeline_chart.py" line="24" />
        <source>每月文章数；点击某月查看当月的文档</source>
        <translation>Articles per month; click a month to see its documents</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/timeline_chart.py" line="54" />
        <source>没有带日期的文章</source>
        <translation>No dated articles</translation>
    </message>
    <message>
        <location filename="../../explorer/gui/timeline_chart.py" line="73" />
        <source>%1：%2 篇文章</source>
        <translation>%1: %2 articles</translation>
    </message>
</context>
</TS>