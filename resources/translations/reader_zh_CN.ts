<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="91" />
      <location filename="../../reader/gui/dialogs/export.py" line="151" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="105" />
      <source>Selected results (%1)</source>
      <translation>选中的结果（%1）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="107" />
      <source>All results of the query (%1)</source>
      <translation>本次检索的全部结果（%1）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="108" />
      <source>Bookmarks (%1)</source>
      <translation>书签（%1）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="109" />
      <source>Collection</source>
      <translation>收藏夹</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="125" />
      <source>GB/T 7714 references</source>
      <translation>GB/T 7714 参考文献</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="140" />
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="164" />
      <source>Stories</source>
      <translation>报道</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="165" />
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="166" />
      <source>Script</source>
      <translation>字形</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="167" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="199" />
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="219" />
      <source>Choose a file in an existing folder: %1</source>
      <translation>请选择已有文件夹中的文件：%1</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="223" />
      <source>Nothing to export.</source>
      <translation>没有可导出的报道。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="226" />
      <source>reader export</source>
      <translation>reader 导出</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="231" />
      <source>Exporting %1 stories…</source>
      <translation>正在导出 %1 篇报道…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="249" />
      <source>Written: %1</source>
      <translation>已写入：%1</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="261" />
      <source>Export cancelled.</source>
      <translation>导出已取消。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="261" />
      <source>Export failed: %1</source>
      <translation>导出失败：%1</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/export.py" line="267" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
      <message>
      <source>Open file</source>
      <translation>打开文件</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>打开所在文件夹</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Replace file?</source>
      <translation>替换文件？</translation>
    </message>
    <message>
      <source>%1 already exists. Replace it?</source>
      <translation>%1 已存在，要替换吗？</translation>
    </message>
    <message>
      <source>Not exported: %1 is kept as it was.</source>
      <translation>未导出：%1 保持原样。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Exporting 1 story…</source>
      <translation>正在导出 1 篇报道…</translation>
    </message>
</context>
  <context>
    <name>Facets</name>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="29" />
      <source>Places</source>
      <translation>地点</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="30" />
      <source>People</source>
      <translation>人物</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="31" />
      <source>Organisations</source>
      <translation>机构</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="32" />
      <source>Topics</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="33" />
      <source>Columns</source>
      <translation>栏目</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="34" />
      <source>My tags</source>
      <translation>我的标签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="35" />
      <source>Sources</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="36" />
      <source>Authors</source>
      <translation>作者</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="37" />
      <source>Years</source>
      <translation>年份</translation>
    </message>
    <message>
      <location filename="../../reader/gui/models/facets.py" line="38" />
      <source>Months</source>
      <translation>月份</translation>
    </message>
  </context>
  <context>
    <name>FilterPanel</name>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="48" />
      <source>Bookmarked only</source>
      <translation>只看书签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="51" />
      <source>Collections</source>
      <translation>收藏夹</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="59" />
      <source>Filter tags, sources, authors…</source>
      <translation>筛选标签、来源、作者…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="62" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="132" />
      <source>Bookmarked only (%1)</source>
      <translation>只看书签（%1）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="1" />
      <source>Show every copy of reprints</source>
      <translation>显示转载的每一份</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="1" />
      <source>Off: a story printed by several sources is one row, with its copies in the reading pane</source>
      <translation>不勾选时：多家来源刊登的同一篇报道只占一行，各份转载列在阅读区</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/filterpanel.py" line="1" />
      <source>Counts below are stories, every copy counted</source>
      <translation>下列计数为篇数，每份转载都计入</translation>
    </message>
  </context>
  <context>
    <name>ImportProgress</name>
    <message>
      <location filename="../../reader/gui/dialogs/importprogress.py" line="27" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/importprogress.py" line="38" />
      <location filename="../../reader/gui/dialogs/importprogress.py" line="49" />
      <source>Importing %1…</source>
      <translation>正在导入 %1…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/importprogress.py" line="54" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="58" />
      <source>reader — Chinese news archive</source>
      <translation>reader — 中文新闻档案</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="117" />
      <location filename="../../reader/gui/mainwindow.py" line="290" />
      <source>Search failed: %1</source>
      <translation>检索失败：%1</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="149" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="151" />
      <source>Import files…</source>
      <translation>导入文件…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="158" />
      <source>Import folder…</source>
      <translation>导入文件夹…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="160" />
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="190" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="162" />
      <source>Preferences…</source>
      <translation>偏好设置…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="164" />
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="166" />
      <source>&amp;Search</source>
      <translation>检索(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="167" />
      <source>Go to search box</source>
      <translation>转到检索框</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="169" />
      <source>Find in story</source>
      <translation>在报道中查找</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="171" />
      <source>Next hit</source>
      <translation>下一处命中</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="172" />
      <source>Previous hit</source>
      <translation>上一处命中</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="174" />
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="181" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="195" />
      <source>Dark theme</source>
      <translation>深色主题</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="199" />
      <source>Larger text</source>
      <translation>放大文字</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="200" />
      <source>Smaller text</source>
      <translation>缩小文字</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="202" />
      <source>&amp;Bookmarks</source>
      <translation>书签(&amp;B)</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="204" />
      <source>Bookmark this story</source>
      <translation>收藏本篇</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="207" />
      <source>Edit note</source>
      <translation>编辑笔记</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="209" />
      <source>Add selected to collection…</source>
      <translation>将所选加入收藏夹…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="210" />
      <source>Show bookmarks only</source>
      <translation>只看书签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="212" />
      <source>Tools</source>
      <translation>工具</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="308" />
      <source>Story %1 is no longer in the library.</source>
      <translation>报道 %1 已不在文库中。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/gui/mainwindow.py" line="356" />
      <source>%n stories in the library</source>
      <translation>
        <numerusform>文库共 %n 篇报道</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="40" />
      <source>Bookmarked.</source>
      <translation>已加入书签。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="42" />
      <source>Bookmark removed.</source>
      <translation>已移除书签。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="60" />
      <source>Add tag</source>
      <translation>添加标签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="61" />
      <source>Your tag:</source>
      <translation>标签：</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="84" />
      <source>Rename tag</source>
      <translation>重命名标签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="85" />
      <source>New name for %1 (in every story):</source>
      <translation>“%1”的新名称（所有报道）：</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="105" />
      <source>Tags not saved to the index yet: %1</source>
      <translation>标签尚未写入索引：%1</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="123" />
      <source>Show stories tagged %1</source>
      <translation>查看标为“%1”的报道</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="128" />
      <source>Remove my tag</source>
      <translation>移除我的标签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="130" />
      <source>Hide on this story</source>
      <translation>在本篇隐藏</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="134" />
      <source>Rename everywhere…</source>
      <translation>全部重命名…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="146" />
      <source>Add to collection</source>
      <translation>加入收藏夹</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="147" />
      <source>Collection:</source>
      <translation>收藏夹：</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="157" />
      <source>Added %1 stories to %2.</source>
      <translation>已将 %1 篇报道加入“%2”。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="176" />
      <source>Remove bookmark</source>
      <translation>移除书签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="178" />
      <source>Bookmark</source>
      <translation>加入书签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="182" />
      <source>Add to collection…</source>
      <translation>加入收藏夹…</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/userdata_actions.py" line="187" />
      <source>Remove from %1</source>
      <translation>从“%1”中移除</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="34" />
      <source>Import files</source>
      <translation>导入文件</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="36" />
      <source>News files (%1);;All files (*)</source>
      <translation>新闻文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="46" />
      <source>Import folder</source>
      <translation>导入文件夹</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="75" />
      <source>Rebuilding the index</source>
      <translation>正在重建索引</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="68" />
      <source>%1 items</source>
      <translation>%1 项</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="99" />
      <source>Import cancelled.</source>
      <translation>导入已取消。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/controllers/imports.py" line="111" />
      <source>Import failed: %1</source>
      <translation>导入失败：%1</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="392" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="393" />
      <source>The new language applies when reader is next started.</source>
      <translation>新的界面语言将在下次启动 reader 时生效。</translation>
    </message>
    <message>
      <source>Import problems…</source>
      <translation>导入问题…</translation>
    </message>
    <message>
      <source>The library is empty. Import news files or folders with File ▸ Import (Ctrl+O).</source>
      <translation>文库是空的。请用“文件 ▸ 导入”（Ctrl+O）导入新闻文件或文件夹。</translation>
    </message>
    <message>
      <source>No stories contain “%1”.</source>
      <translation>没有报道包含“%1”。</translation>
    </message>
    <message>
      <source>Try shorter or fewer words: any run of Chinese characters is found, in 简体 or 繁體.</source>
      <translation>可以试试更短或更少的词：任何一串汉字都能查到，简体繁體皆可。</translation>
    </message>
    <message>
      <source>No stories match.</source>
      <translation>没有符合的报道。</translation>
    </message>
    <message>
      <source>Or clear the filters on the left (Clear filters).</source>
      <translation>或者清除左侧的筛选（清除筛选）。</translation>
    </message>
    <message>
      <source>See the notes under the search box: part of the query was not used.</source>
      <translation>请看检索框下的提示：检索式有一部分未被使用。</translation>
    </message>
    <message>
      <source>Added 1 story to %2.</source>
      <translation>已将 1 篇报道加入“%2”。</translation>
    </message>
    <message>
      <source>Files: %1 added, %2 updated, %3 removed, %4 unchanged, %5 failed, %6 skipped.</source>
      <translation>文件：新增 %1，更新 %2，移除 %3，未变 %4，失败 %5，跳过 %6。</translation>
    </message>
    <message>
      <source>Imported 1 story.</source>
      <translation>已导入 1 篇报道。</translation>
    </message>
    <message>
      <source>Imported %7 stories.</source>
      <translation>已导入 %7 篇报道。</translation>
    </message>
    <message>
      <source>Importing: stories appear here as they arrive.</source>
      <translation>正在导入：报道一到就会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>Show every copy of reprints</source>
      <translation>显示转载的每一份</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>Differences from the original</source>
      <translation>与原稿的差异</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>What the copies changed</source>
      <translation>转载改动了什么</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>《%1》 against the original 《%2》</source>
      <translation>《%1》对照原稿《%2》</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>copy</source>
      <translation>转载</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>original</source>
      <translation>原稿</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>%1 of the text alike</source>
      <translation>文字相同约 %1</translation>
    </message>
    <message>
      <location filename="../../reader/gui/mainwindow.py" line="1" />
      <source>The same paragraphs as the original.</source>
      <translation>段落与原稿相同。</translation>
    </message>
</context>
  <context>
    <name>NoteEditor</name>
    <message>
      <location filename="../../reader/gui/dialogs/note.py" line="18" />
      <source>Note (saved automatically)</source>
      <translation>笔记（自动保存）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/note.py" line="21" />
      <source>Your note on this story…</source>
      <translation>写下对这篇报道的笔记…</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="26" />
      <source>Preferences</source>
      <translation>偏好设置</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="30" />
      <source>Follow the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="36" />
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="37" />
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="47" />
      <source>The interface language changes when you press OK (during an import: at the next start).</source>
      <translation>按“确定”后界面语言立即切换（正在导入时，下次启动生效）。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="55" />
      <source>Interface language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="57" />
      <source>Theme</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="58" />
      <source>Read stories in</source>
      <translation>阅读字形</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="59" />
      <source>Text size</source>
      <translation>文字大小</translation>
    </message>
  </context>
  <context>
    <name>ReadingPane</name>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="107" />
      <source>Bookmark this story (Ctrl+D)</source>
      <translation>收藏本篇（Ctrl+D）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="113" />
      <source>Previous hit (Shift+F3)</source>
      <translation>上一处命中（Shift+F3）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="117" />
      <source>Next hit (F3)</source>
      <translation>下一处命中（F3）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="122" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="132" />
      <source>Add one of your own tags to this story</source>
      <translation>给这篇报道加上自己的标签</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="148" />
      <source>Find in story</source>
      <translation>在报道中查找</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="239" />
      <source>Choose a story in the list to read it.</source>
      <translation>在列表中选择一篇报道即可阅读。</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="243" />
      <source>By</source>
      <translation>作者</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="329" />
      <source>Hit %1/%2</source>
      <translation>命中 %1/%2</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>Differences</source>
      <translation>差异</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>Show what the copies changed against the original (Ctrl+Shift+D)</source>
      <translation>显示各份转载相对原稿的改动（Ctrl+Shift+D）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>original</source>
      <translation>原稿</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/reading.py" line="1" />
      <source>%1 reprints</source>
      <translation>%1 转载</translation>
    </message>
  </context>
  <context>
    <name>Scripts</name>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="14" />
      <source>Simplified (简体)</source>
      <translation>简体</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="15" />
      <source>Traditional (繁體)</source>
      <translation>繁體</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="16" />
      <source>Taiwan (臺灣正體)</source>
      <translation>臺灣正體</translation>
    </message>
    <message>
      <location filename="../../reader/gui/dialogs/preferences.py" line="17" />
      <source>Hong Kong (香港繁體)</source>
      <translation>香港繁體</translation>
    </message>
  </context>
  <context>
    <name>SearchBar</name>
    <message>
      <location filename="../../reader/gui/views/searchbar.py" line="23" />
      <source>Search stories — words, "phrases", OR, -not, tag:, date:2024</source>
      <translation>检索报道 —— 词语、"短语"、OR、-排除、tag:、date:2024</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/searchbar.py" line="33" />
      <source>Relevance</source>
      <translation>按相关度</translation>
    </message>
    <message>
      <location filename="../../reader/gui/views/searchbar.py" line="34" />
      <source>Newest first</source>
      <translation>按日期（新→旧）</translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/gui/views/searchbar.py" line="118" />
      <source>%n stories</source>
      <translation>
        <numerusform>%n 篇报道</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SearchNotes</name>
    <message>
      <location filename="../../reader/gui/i18n.py" line="109" />
      <source>unbalanced quote ignored</source>
      <extracomment>Notes reader.index gives about a query, listed so lupdate puts them in the catalogs.</extracomment>
      <translation>引号不成对，已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="110" />
      <source>unbalanced bracket ignored</source>
      <translation>括号不成对，已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="111" />
      <source>lone operator OR ignored</source>
      <translation>孤立的 OR 已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="112" />
      <source>lone operator AND ignored</source>
      <translation>孤立的 AND 已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="113" />
      <source>lone operator NOT ignored</source>
      <translation>孤立的 NOT 已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="114" />
      <source>control characters ignored</source>
      <translation>已忽略控制字符</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="115" />
      <source>query too deeply nested: ignored</source>
      <translation>检索式嵌套过深，已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="119" />
      <source>invalid date %1 ignored</source>
      <extracomment>Notes with a variable part: (pattern, catalog text with %1).</extracomment>
      <translation>日期 %1 无效，已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="122" />
      <source>query too long: only the first %1 characters used</source>
      <translation>检索式过长：只使用前 %1 个字符</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="126" />
      <source>unknown filter %1 ignored</source>
      <translation>未知的筛选 %1 已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="130" />
      <source>%1 chosen stories are no longer in the library</source>
      <translation>有 %1 篇所选报道已不在文库中（文件已移除）</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>unknown field %1: searched as text</source>
      <translation>未知字段 %1，已按普通文字检索</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>reversed date range %1 read as %2</source>
      <translation>日期范围 %1 前后颠倒，已按 %2 检索</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>invalid from date %1 ignored</source>
      <translation>起始日期 %1 无效，已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>invalid to date %1 ignored</source>
      <translation>截止日期 %1 无效，已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>tag %1 has no kind: matched %2</source>
      <translation>标签 %1 未注明类别，已匹配 %2</translation>
    </message>
    <message>
      <location filename="../../reader/gui/i18n.py" line="134" />
      <source>no tag %1 in the library</source>
      <translation>文库中没有标签 %1</translation>
    </message>
      <message>
      <source>%1 holds no letters, digits or characters to search: ignored</source>
      <translation>%1 中没有可检索的文字，已忽略</translation>
    </message>
    <message>
      <source>matched by pinyin %1: %2</source>
      <translation>按拼音 %1 匹配：%2</translation>
    </message>
    <message>
      <source>matched by pinyin %1</source>
      <translation>按拼音 %1 匹配</translation>
    </message>
    <message>
      <source>%1 does not read as pinyin</source>
      <translation>%1 不是可识别的拼音</translation>
    </message>
</context>
  <context>
    <name>ImportReportDialog</name>
      <message>
      <source>Import problems</source>
      <translation>导入问题</translation>
    </message>
    <message>
      <source>Not imported:</source>
      <translation>未导入：</translation>
    </message>
    <message>
      <source>Skipped (not a news file type):</source>
      <translation>已跳过（不是新闻文件类型）：</translation>
    </message>
    <message>
      <source>1 file could not be imported.</source>
      <translation>1 个文件未能导入。</translation>
    </message>
    <message>
      <source>%1 files could not be imported.</source>
      <translation>%1 个文件未能导入。</translation>
    </message>
    <message>
      <source>1 file was skipped because of its type.</source>
      <translation>1 个文件因类型不符被跳过。</translation>
    </message>
    <message>
      <source>%1 files were skipped because of their type.</source>
      <translation>%1 个文件因类型不符被跳过。</translation>
    </message>
</context>
  <context>
    <name>QFileDialog</name>
      <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
  <context>
    <name>TimelineChart</name>
    <message>
      <source>No dated stories to chart.</source>
      <translation>没有带日期的报道可画图。</translation>
    </message>
    <message>
      <source>%1 stories archived</source>
      <translation>共收录 %1 篇</translation>
    </message>
    <message>
      <source>%1: %2 stories (%3)</source>
      <translation>%1：%2 篇（%3）</translation>
    </message>
    <message>
      <source>all</source>
      <translation>全部</translation>
    </message>
  </context>
  <context>
    <name>TimelinePanel</name>
    <message>
      <source>Stories per period</source>
      <translation>各时期报道数</translation>
    </message>
    <message>
      <source>&amp;Share of all stories</source>
      <translation>占全部报道的比例(&amp;S)</translation>
    </message>
    <message>
      <source>Compare with… (queries separated by ;)</source>
      <translation>对比检索式…（用 ; 分隔）</translation>
    </message>
    <message>
      <source>Show every period again</source>
      <translation>重新显示所有时期</translation>
    </message>
    <message>
      <source>Period: %1</source>
      <translation>时期：%1</translation>
    </message>
    <message>
      <source>all</source>
      <translation>全部</translation>
    </message>
  </context>
  <context>
    <name>KwicModel</name>
    <message>
      <source>Left context</source>
      <translation>左语境</translation>
    </message>
    <message>
      <source>Hit</source>
      <translation>命中</translation>
    </message>
    <message>
      <source>Right context</source>
      <translation>右语境</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
  </context>
  <context>
    <name>ConcordanceDialog</name>
    <message>
      <source>&amp;Context (characters):</source>
      <translation>语境字数(&amp;C)：</translation>
    </message>
    <message>
      <source>As the results</source>
      <translation>按结果顺序</translation>
    </message>
    <message>
      <source>Left context</source>
      <translation>左语境</translation>
    </message>
    <message>
      <source>Right context</source>
      <translation>右语境</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>&amp;Sort by:</source>
      <translation>排序(&amp;S)：</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Save as CSV…</source>
      <translation>另存为 CSV…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>(reading…)</source>
      <translation>（读取中…）</translation>
    </message>
    <message>
      <source>Save concordance</source>
      <translation>保存语境索引</translation>
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Concordance: %1</source>
      <translation>语境索引：%1</translation>
    </message>
    <message>
      <source>Failed: %1</source>
      <translation>失败：%1</translation>
    </message>
    <message>
      <source>%1 occurrences in %2 stories</source>
      <translation>%2 篇报道中出现 %1 次</translation>
    </message>
  </context>
  <context>
    <name>SavedSearchList</name>
    <message>
      <source>%1 — %2 stories, %3 new since you last looked</source>
      <translation>%1 — 共 %2 篇，自上次查看以来新增 %3 篇</translation>
    </message>
  </context>
  <context>
    <name>ResearchActions</name>
    <message>
      <source>Saved searches</source>
      <translation>保存的检索</translation>
    </message>
    <message>
      <source>Forget this saved search</source>
      <translation>删除这个保存的检索</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>&amp;Research</source>
      <translation>研究(&amp;R)</translation>
    </message>
    <message>
      <source>Concordance of the query…</source>
      <translation>检索词语境索引（KWIC）…</translation>
    </message>
    <message>
      <source>Show timeline</source>
      <translation>显示时间线</translation>
    </message>
    <message>
      <source>Go to timeline</source>
      <translation>转到时间线</translation>
    </message>
    <message>
      <source>Save this search…</source>
      <translation>保存本次检索…</translation>
    </message>
    <message>
      <source>Save a search from history…</source>
      <translation>从检索历史保存检索…</translation>
    </message>
    <message>
      <source>Go to saved searches</source>
      <translation>转到保存的检索</translation>
    </message>
    <message>
      <source>Add all results to collection…</source>
      <translation>把全部结果加入收藏夹…</translation>
    </message>
    <message>
      <source>Undo adding results to collection</source>
      <translation>撤销加入收藏夹</translation>
    </message>
    <message>
      <source>Forget saved search</source>
      <translation>删除保存的检索</translation>
    </message>
    <message>
      <source>Type a query first: the concordance shows its words in context.</source>
      <translation>请先输入检索词：语境索引显示检索词在上下文中的用法。</translation>
    </message>
    <message>
      <source>Save search</source>
      <translation>保存检索</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <source>Save a search from history</source>
      <translation>从检索历史保存检索</translation>
    </message>
    <message>
      <source>Query:</source>
      <translation>检索式：</translation>
    </message>
    <message>
      <source>Add all results to collection</source>
      <translation>把全部结果加入收藏夹</translation>
    </message>
    <message>
      <source>Collection:</source>
      <translation>收藏夹：</translation>
    </message>
    <message>
      <source>Saved the search as “%1”.</source>
      <translation>已将检索保存为“%1”。</translation>
    </message>
    <message>
      <source>The search history is empty.</source>
      <translation>检索历史为空。</translation>
    </message>
    <message>
      <source>Forget the saved search “%1”?</source>
      <translation>删除保存的检索“%1”？</translation>
    </message>
    <message>
      <source>All stories</source>
      <translation>全部报道</translation>
    </message>
    <message>
      <source>Undo adding %1 to “%2”</source>
      <translation>撤销加入“%2”的 %1 篇</translation>
    </message>
    <message>
      <source>Took %1 stories out of “%2” again.</source>
      <translation>已从“%2”移出 %1 篇报道。</translation>
    </message>
    <message>
      <source>%1: %2 new stories since you last looked.</source>
      <translation>%1：自上次查看以来新增 %2 篇报道。</translation>
    </message>
    <message>
      <source>Added %1 of %2 results to “%3” (the others were in it already).</source>
      <translation>已把 %2 条结果中的 %1 篇加入“%3”（其余已在其中）。</translation>
    </message>
  </context>
  <context>
    <name>ResultsModel</name>
    <message>
      <location filename="../../reader/gui/models/results.py" line="1" />
      <source>%1 reprints</source>
      <translation>%1 转载</translation>
    </message>
  </context>
  <context>
    <name>MatchedForms</name>
    <message>
      <source>matched %1 for %2</source>
      <translation>原文作“%1”（检索“%2”）</translation>
    </message>
    <message>
      <source>matched %1 by pinyin %2</source>
      <translation>按拼音“%2”匹配“%1”</translation>
    </message>
    <message>
      <source>, </source>
      <translation>；</translation>
    </message>
  </context>
</TS>