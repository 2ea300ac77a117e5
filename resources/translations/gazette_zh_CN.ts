<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BodyEditor</name>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="220"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="222"/>
        <source>Attachment title</source>
        <translation>附件标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="227"/>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="230"/>
        <source>Attachment (new page)</source>
        <translation>附件（另起一页）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="231"/>
        <source>Enclosed text of an issuing notice</source>
        <translation>印发/转发的正文（紧接通知）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="234"/>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="237"/>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="246"/>
        <source>Body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="246"/>
        <source>Heading 1 (一、)</source>
        <translation>一级标题（一、）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="247"/>
        <source>Heading 2 (（一）)</source>
        <translation>二级标题（（一））</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="247"/>
        <source>Heading 3 (1.)</source>
        <translation>三级标题（1.）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="248"/>
        <source>Heading 4 (（1）)</source>
        <translation>四级标题（（1））</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="248"/>
        <source>Run-in heading, level 2</source>
        <translation>段首标题（二级）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="249"/>
        <source>Run-in heading, level 3</source>
        <translation>段首标题（三级）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="249"/>
        <source>Run-in heading, level 4</source>
        <translation>段首标题（四级）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="250"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="250"/>
        <source>Chronicle entry</source>
        <translation>大事记条目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="251"/>
        <source>Table caption</source>
        <translation>表题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="251"/>
        <source>Closing line</source>
        <translation>落款</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="252"/>
        <source>Attachment note</source>
        <translation>附件说明</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="259"/>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="263"/>
        <location filename="../../editor/ui/body_editor.py" line="278"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="265"/>
        <source>Insert table…</source>
        <translation>插入表格…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="266"/>
        <source>Insert row below</source>
        <translation>在下方插入行</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="267"/>
        <source>Insert column right</source>
        <translation>在右侧插入列</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="268"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="269"/>
        <source>Remove column</source>
        <translation>删除列</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="270"/>
        <location filename="../../editor/ui/body_editor.py" line="282"/>
        <source>Merge cells</source>
        <translation>合并单元格</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="271"/>
        <location filename="../../editor/ui/body_editor.py" line="283"/>
        <source>Split cell</source>
        <translation>拆分单元格</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="272"/>
        <source>Header rows…</source>
        <translation>表头行数…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="273"/>
        <source>Remove table</source>
        <translation>删除表格</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="286"/>
        <source>Name list</source>
        <translation>任免名单</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="287"/>
        <source>Image…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="319"/>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="321"/>
        <source>Enclosed text</source>
        <translation>印发的正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="406"/>
        <source>New document</source>
        <translation>新文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="453"/>
        <source>Insert table</source>
        <translation>插入表格</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="454"/>
        <source>Rows × columns (e.g. 4×3):</source>
        <translation>行数 × 列数（如 4×3）：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="469"/>
        <source>Header rows</source>
        <translation>表头行数</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="469"/>
        <source>Rows repeated on every page:</source>
        <translation>每页重复的表头行数：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="483"/>
        <location filename="../../editor/ui/body_editor.py" line="498"/>
        <source>Insert image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="484"/>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="498"/>
        <source>Caption (optional):</source>
        <translation>图题（可选）：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="508"/>
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
</context>
<context>
    <name>BodyTextEdit</name>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="115"/>
        <source>Pasting a long text…</source>
        <translation>正在粘贴长文本…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="123"/>
        <source>Pasted %1 characters</source>
        <translation>已粘贴 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../editor/ui/body_editor.py" line="144"/>
        <source>Paste notice</source>
        <translation>粘贴公文</translation>
    </message>
</context>
<context>
    <name>BuildDialog</name>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="41"/>
        <source>Build PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="50"/>
        <source>Print edition (for the printer)</source>
        <translation>印刷版（交付印刷厂）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="51"/>
        <source>Web edition (bookmarks, links)</source>
        <translation>网络版（书签、链接）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="52"/>
        <source>Proof (line numbers, proof marks)</source>
        <translation>校样（行号、校对标记）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="61"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="67"/>
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="68"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="75"/>
        <source>Build</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="76"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="97"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="107"/>
        <source>Cannot create the folder: %1</source>
        <translation>无法创建文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="118"/>
        <location filename="../../editor/ui/build_dialog.py" line="127"/>
        <source>Typesetting…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="129"/>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="131"/>
        <source>Checking the result…</source>
        <translation>正在检查结果…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="137"/>
        <source>Wrote %1 (%2 pages).</source>
        <translation>已生成 %1（共 %2 页）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="140"/>
        <source>No font has %1 (printed as 〓)</source>
        <translation>缺字：没有字体含有 %1（排为〓）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="146"/>
        <source>%1 error(s), %2 warning(s), %3 note(s); see the proof report.</source>
        <translation>错误 %1 个，警告 %2 个，提示 %3 条，详见检查报告。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="159"/>
        <source>The build failed: %1</source>
        <translation>生成失败：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/build_dialog.py" line="168"/>
        <source>No file manager could be started; the files are in %1</source>
        <translation>无法启动文件管理器；文件保存在 %1</translation>
    </message>
</context>
<context>
    <name>BuildJob</name>
    <message>
        <location filename="../../editor/ui/worker.py" line="61"/>
        <source>Unexpected error (details in the log): %1</source>
        <translation>意外错误（详情见日志）：%1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="113"/>
        <source>Someone else saved this document</source>
        <translation>其他人已保存了此文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="116"/>
        <source>Another editor saved “%1” while you were editing it. Nothing has been overwritten. Choose which text to keep in the store; the other one is kept as well (their version stays in the revision history; your text goes to the recovery journal and the clipboard).</source>
        <translation>在您编辑期间，其他编辑已保存了“%1”。目前没有任何内容被覆盖。请选择要保存在库中的文本；另一份也会保留（对方的版本保留在修订历史中；您的文本保存在恢复日志和剪贴板中）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="122"/>
        <source>Your text</source>
        <translation>您的文本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="123"/>
        <source>Their text (in the store)</source>
        <translation>对方的文本（库中）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="131"/>
        <source>Keep my text</source>
        <translation>保留我的文本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="132"/>
        <source>Use their text</source>
        <translation>采用对方的文本</translation>
    </message>
</context>
<context>
    <name>ContentsModel</name>
    <message>
        <location filename="../../editor/ui/contents_model.py" line="148"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_model.py" line="148"/>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_model.py" line="170"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>DocumentForm</name>
    <message>
        <location filename="../../editor/ui/document_form.py" line="49"/>
        <source>The title must not be empty.</source>
        <translation>标题不能为空。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="54"/>
        <source>A document number looks like 包府发〔2025〕12号: year in 〔〕, no leading zero.</source>
        <translation>发文字号格式应如“包府发〔2025〕12号”：年份用六角括号〔〕，序号不编虚位。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="56"/>
        <source>The year of the number is after the issue&apos;s year.</source>
        <translation>发文字号的年份晚于本期的年份。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="59"/>
        <source>The signing date is after the issue&apos;s publication date.</source>
        <translation>成文日期晚于本期的出版日期。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="62"/>
        <source>Addressees end with a full-width colon (：).</source>
        <translation>主送机关应以全角冒号（：）结尾。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="83"/>
        <source>e.g. 包头市人民政府 (several separated by 、)</source>
        <translation>如：包头市人民政府（多个机关用“、”分隔）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="85"/>
        <source>Full title including the issuing organ</source>
        <translation>完整标题（含发文机关）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="89"/>
        <source>e.g. 各旗县区人民政府，稀土高新区管委会，市直各有关部门：</source>
        <translation>如：各旗县区人民政府，稀土高新区管委会，市直各有关部门：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="90"/>
        <source>Dated</source>
        <translation>有日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="97"/>
        <source>Optional line under the title</source>
        <translation>标题下方的说明行（可选）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="107"/>
        <source>Issuing organs</source>
        <translation>发文机关</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="109"/>
        <source>Kind</source>
        <translation>文种</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="110"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="111"/>
        <source>Document number</source>
        <translation>发文字号</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="112"/>
        <source>Addressees</source>
        <translation>主送机关</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="116"/>
        <source>Publication note</source>
        <translation>公开属性</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="118"/>
        <source>Signing date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="119"/>
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="99"/>
        <source>Leave empty to use the title</source>
        <translation>留空则使用标题</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="100"/>
        <source>The line the contents (目录) and the PDF bookmark show when it differs from the printed title</source>
        <translation>目录和PDF书签中显示的标题（与正文标题不同时填写）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/document_form.py" line="124"/>
        <source>Contents entry</source>
        <translation>目录标题</translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <location filename="../../editor/ui/editing.py" line="87"/>
        <source>Cannot write the recovery journal: %1</source>
        <translation>无法写入恢复日志：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/editing.py" line="121"/>
        <source>The document was deleted elsewhere; your text is kept in the recovery journal</source>
        <translation>该文件已在别处被删除；您的文本已保存在恢复日志中</translation>
    </message>
    <message>
        <location filename="../../editor/ui/editing.py" line="126"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../editor/ui/editing.py" line="134"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../editor/ui/editing.py" line="153"/>
        <source>Loaded their text; yours is on the clipboard and in the journal</source>
        <translation>已载入对方的文本；您的文本在剪贴板和恢复日志中</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../editor/ui/errors.py" line="26"/>
        <source>The issue is final</source>
        <translation>本期已定稿</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="28"/>
        <source>Someone else saved this document</source>
        <translation>其他人已保存了此文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="30"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="32"/>
        <source>Store error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="34"/>
        <source>Content error</source>
        <translation>内容错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="35"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="46"/>
        <source>The issue is final and cannot be changed. Reopen it to edit.</source>
        <translation>本期已定稿，不能修改。如需编辑，请先重新打开（退回草稿）。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="48"/>
        <source>This document was changed by someone else in the meantime.</source>
        <translation>此文件在此期间已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="50"/>
        <source>What you asked for is no longer in the store.</source>
        <translation>所要的内容已不在数据库中。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="52"/>
        <source>The store could not be read or written.</source>
        <translation>无法读取或写入数据库。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="54"/>
        <source>The content is not valid.</source>
        <translation>内容不符合格式要求。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="55"/>
        <source>The action could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="67"/>
        <source>An unexpected error occurred. Your work is kept in the recovery journal.</source>
        <translation>发生意外错误。您的工作已保存在恢复日志中。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/errors.py" line="73"/>
        <source>Details were written to %1</source>
        <translation>详细信息已写入 %1</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <location filename="../../editor/ui/find_dialog.py" line="28"/>
        <source>Find document</source>
        <translation>查找文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_dialog.py" line="33"/>
        <source>Words in the title or the text, e.g. 节水</source>
        <translation>标题或正文中的词语，如：节水</translation>
    </message>
    <message>
        <location filename="../../editor/ui/find_dialog.py" line="35"/>
        <source>Only this issue</source>
        <translation>仅限本期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/ui/find_dialog.py" line="76"/>
        <source>%n document(s) found</source>
        <translation>
            <numerusform>找到 %n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="48"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="49"/>
        <source>Issue number</source>
        <translation>期号</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="50"/>
        <source>Cumulative number</source>
        <translation>总期号</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="51"/>
        <source>Publication date</source>
        <translation>出版日期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="57"/>
        <source>This issue is final; reopen it to change its properties.</source>
        <translation>本期已定稿；如需修改属性，请先重新打开。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../editor/ui/main_window.py" line="182"/>
        <source>Recovered text restored</source>
        <translation>已恢复未保存的文本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="258"/>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="275"/>
        <source>Gazette Editor</source>
        <translation>政府公报编辑排版系统</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="278"/>
        <source>%1 No. %2</source>
        <translation>%1年第%2期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="312"/>
        <source>No issues yet: create one with Issue ▸ New issue, or put the sample issue into the store with File ▸ Install the sample issue.</source>
        <translation>尚无期刊：请通过“期刊 ▸ 新建一期”创建，或通过“文件 ▸ 安装示例期刊”导入示例。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="315"/>
        <source>No document selected</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="343"/>
        <source>All changes saved</source>
        <translation>所有修改均已保存</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="415"/>
        <source>Restore version</source>
        <translation>恢复版本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="49"/>
        <source>Add column</source>
        <translation>添加栏目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="49"/>
        <source>Column name:</source>
        <translation>栏目名称：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="62"/>
        <source>Rename column</source>
        <translation>重命名栏目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="62"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="75"/>
        <location filename="../../editor/ui/menus.py" line="63"/>
        <source>Remove column</source>
        <translation>删除栏目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="76"/>
        <source>The column “%1” holds %2 document(s). Remove it together with them?</source>
        <translation>栏目“%1”中有 %2 个文件。确定连同这些文件一起删除吗？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="89"/>
        <source>Add a column first: documents belong to a column.</source>
        <translation>请先添加栏目：文件必须属于某个栏目。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="91"/>
        <source>New document</source>
        <translation>新文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="105"/>
        <location filename="../../editor/ui/menus.py" line="60"/>
        <source>Delete document</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/contents_actions.py" line="106"/>
        <source>Delete “%1”? You can undo this.</source>
        <translation>删除“%1”？此操作可以撤销。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_actions.py" line="23"/>
        <location filename="../../editor/ui/issue_actions.py" line="46"/>
        <source>New issue</source>
        <translation>新建一期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_actions.py" line="59"/>
        <location filename="../../editor/ui/issue_actions.py" line="67"/>
        <source>Issue properties</source>
        <translation>本期属性</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_actions.py" line="93"/>
        <source>Publication properties</source>
        <translation>刊物属性</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_actions.py" line="110"/>
        <source>Change status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_actions.py" line="126"/>
        <source>Delete issue</source>
        <translation>删除本期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_actions.py" line="127"/>
        <source>Delete issue %1 with all its documents? This cannot be undone.</source>
        <translation>删除第 %1 期及其全部文件？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="441"/>
        <source>Open or create a store</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <location filename="../../editor/ui/main_window.py" line="442"/>
        <source>Gazette stores (*.db *.sqlite);;All files (*)</source>
        <translation>公报数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="30"/>
        <location filename="../../editor/ui/menus.py" line="112"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="31"/>
        <source>The new language is used from the next start.</source>
        <translation>新的界面语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="38"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="39"/>
        <source>&amp;Open store…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="41"/>
        <source>&amp;Build PDF…</source>
        <translation>生成 PDF(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="42"/>
        <source>Install the sample issue</source>
        <translation>安装示例期刊</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="43"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="44"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="47"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="50"/>
        <source>&amp;Find document…</source>
        <translation>查找文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="52"/>
        <source>Revision &amp;history…</source>
        <translation>修订历史(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="53"/>
        <source>&amp;New issue…</source>
        <translation>新建一期(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="55"/>
        <source>Issue &amp;properties…</source>
        <translation>本期属性(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="56"/>
        <source>P&amp;ublication properties…</source>
        <translation>刊物属性(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="57"/>
        <source>Delete issue…</source>
        <translation>删除本期…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="58"/>
        <source>New &amp;document</source>
        <translation>新建文件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="61"/>
        <source>Add column…</source>
        <translation>添加栏目…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="62"/>
        <source>Rename column…</source>
        <translation>重命名栏目…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="71"/>
        <source>Reopen (back to draft)</source>
        <translation>重新打开（退回草稿）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="74"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="76"/>
        <source>Recent stores</source>
        <translation>最近打开的数据库</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="87"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="93"/>
        <source>&amp;Issue</source>
        <translation>期刊(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="103"/>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="106"/>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="111"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="121"/>
        <location filename="../../editor/ui/menus.py" line="122"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="122"/>
        <source>Gazette Editor: edit and typeset municipal government gazettes.</source>
        <translation>政府公报编辑排版系统：编辑并排版市级政府公报。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="123"/>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <location filename="../../editor/ui/menus.py" line="125"/>
        <source>Main tool bar</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../editor/ui/navigator.py" line="82"/>
        <source>Issues</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location filename="../../editor/ui/navigator.py" line="90"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../editor/ui/navigator.py" line="109"/>
        <source>%1 No. %2 (cumulative %3)</source>
        <translation>%1年第%2期（总第%3期）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../editor/ui/navigator.py" line="113"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../editor/ui/preview.py" line="72"/>
        <source>Whole issue</source>
        <translation>整期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="73"/>
        <source>Current document</source>
        <translation>当前文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="76"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="77"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="103"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="164"/>
        <source>Typesetting…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="191"/>
        <source>No font has %1 (printed as 〓)</source>
        <translation>缺字：没有字体含有 %1（排为〓）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="195"/>
        <source>Updated in %1 s</source>
        <translation>已更新（%1 秒）</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="211"/>
        <source>Preview failed</source>
        <translation>预览失败</translation>
    </message>
    <message>
        <location filename="../../editor/ui/preview.py" line="237"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 / %2 页</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="79"/>
        <source>Publication properties</source>
        <translation>刊物属性</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="83"/>
        <source>Gazette title</source>
        <translation>刊名</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="83"/>
        <source>Title in Mongolian script</source>
        <translation>蒙古文刊名</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="84"/>
        <source>Frequency</source>
        <translation>刊期</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="84"/>
        <source>Sponsor</source>
        <translation>主办</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="84"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="85"/>
        <source>Postcode</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="85"/>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="86"/>
        <source>Serial numbers (刊号)</source>
        <translation>刊号</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="86"/>
        <source>Price</source>
        <translation>定价</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="87"/>
        <source>Layout</source>
        <translation>版式</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="105"/>
        <source>Cover fields: title, Mongolian title, frequency. Imprint: the rest.</source>
        <translation>封面项目：刊名、蒙古文刊名、刊期；其余为版权页项目。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/issue_dialogs.py" line="126"/>
        <source>This layout cannot be used: %1</source>
        <translation>无法使用此版式：%1</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="62"/>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="65"/>
        <source>The editor did not close normally last time. These documents had changes that were not saved yet. Restore them?</source>
        <translation>上次程序没有正常关闭。以下文件有尚未保存的修改。是否恢复？</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="80"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="81"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="87"/>
        <source>What was typed and not saved:</source>
        <translation>输入后尚未保存的内容：</translation>
    </message>
    <message>
        <location filename="../../editor/ui/recovery_dialogs.py" line="89"/>
        <source>The whole recovered text:</source>
        <translation>恢复的全文：</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <location filename="../../editor/ui/revisions_dialog.py" line="28"/>
        <source>Revision history</source>
        <translation>修订历史</translation>
    </message>
    <message>
        <location filename="../../editor/ui/revisions_dialog.py" line="41"/>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <location filename="../../editor/ui/revisions_dialog.py" line="47"/>
        <source>Every save keeps the previous version. Restoring saves the chosen version as the newest one.</source>
        <translation>每次保存都会保留上一版本。恢复时，所选版本将另存为最新版本。</translation>
    </message>
    <message>
        <location filename="../../editor/ui/revisions_dialog.py" line="59"/>
        <source>Version %1 · %2</source>
        <translation>第 %1 版 · %2</translation>
    </message>
    <message>
        <location filename="../../editor/ui/revisions_dialog.py" line="68"/>
        <source>No earlier versions yet.</source>
        <translation>尚无更早的版本。</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../editor/ui/navigator.py" line="31"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../editor/ui/navigator.py" line="32"/>
        <source>Proof</source>
        <translation>校样</translation>
    </message>
    <message>
        <location filename="../../editor/ui/navigator.py" line="33"/>
        <source>Final</source>
        <translation>定稿</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../editor/ui/undo.py" line="28"/>
        <source>Edit field</source>
        <translation>编辑字段</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="54"/>
        <source>Edit text</source>
        <translation>编辑正文</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="85"/>
        <source>Edit attachment</source>
        <translation>编辑附件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="102"/>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="102"/>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="166"/>
        <source>Move document</source>
        <extracomment>Called with a GazetteError raised while undoing or redoing (the window shows it).</extracomment>
        <translation>移动文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="173"/>
        <source>Move column</source>
        <translation>移动栏目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="180"/>
        <source>Add column</source>
        <translation>添加栏目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="187"/>
        <source>Rename column</source>
        <translation>重命名栏目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="203"/>
        <source>Remove column</source>
        <translation>删除栏目</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="209"/>
        <source>Add document</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../editor/ui/undo.py" line="218"/>
        <source>Delete document</source>
        <translation>删除文件</translation>
    </message>
</context>
</TS>
