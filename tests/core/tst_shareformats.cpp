#include "ShareFormats.h"

#include <QTest>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

const QUrl link(u"https://altostr.at/aBcDeFg"_s);
// Every character that means something in HTML or Markdown, plus non-ASCII.
const QString nastyLabel = u"NOC <wall> & \"ops\" 'B' [2] (east) \\ Zürich — 東京"_s;

} // namespace

class TestShareFormats final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void iframe_plainLabel();
    void iframe_escapesLabelInTitle();
    void iframe_noLabel_usesDefaultTitle();
    void iframe_clampsSize();
    void markdown_plainLabel();
    void markdown_escapesLinkSyntaxInLabel();
    void markdown_noLabel_usesDefaultText();
    void markdown_encodesParenthesesInLink();
    void html_escapesLabelAndKeepsRel();
    void html_noLabel_usesDefaultText();
    void link_isFullyEncodedAndAmpersandEscapedInHtml();
    void labelWithNewline_isOneLine();
    void unshareableLink_givesNothing_data();
    void unshareableLink_givesNothing();
};

void TestShareFormats::iframe_plainLabel()
{
    QCOMPARE(ShareFormats::iframeSnippet(link, 800, 600, u"NOC wall 2"_s),
             u"<iframe src=\"https://altostr.at/aBcDeFg\" width=\"800\" height=\"600\" title=\"NOC wall 2\""
             " loading=\"lazy\" referrerpolicy=\"no-referrer\" style=\"border:0\"></iframe>"_s);
}

void TestShareFormats::iframe_escapesLabelInTitle()
{
    QCOMPARE(ShareFormats::iframeSnippet(link, 1920, 1080, nastyLabel),
             u"<iframe src=\"https://altostr.at/aBcDeFg\" width=\"1920\" height=\"1080\""
             " title=\"NOC &lt;wall&gt; &amp; &quot;ops&quot; &#39;B&#39; [2] (east) \\ Zürich — 東京\""
             " loading=\"lazy\" referrerpolicy=\"no-referrer\" style=\"border:0\"></iframe>"_s);
}

void TestShareFormats::iframe_noLabel_usesDefaultTitle()
{
    QCOMPARE(ShareFormats::iframeSnippet(link, 800, 600, u"  "_s),
             u"<iframe src=\"https://altostr.at/aBcDeFg\" width=\"800\" height=\"600\" title=\"Altostrat faults\""
             " loading=\"lazy\" referrerpolicy=\"no-referrer\" style=\"border:0\"></iframe>"_s);
}

void TestShareFormats::iframe_clampsSize()
{
    const QString snippet = ShareFormats::iframeSnippet(link, 0, 99999, {});
    QVERIFY2(snippet.contains(u" width=\"1\" height=\"10000\" "_s), qPrintable(snippet));
}

void TestShareFormats::markdown_plainLabel()
{
    QCOMPARE(ShareFormats::markdownLink(link, u"NOC wall 2"_s), u"[NOC wall 2](https://altostr.at/aBcDeFg)"_s);
}

void TestShareFormats::markdown_escapesLinkSyntaxInLabel()
{
    QCOMPARE(ShareFormats::markdownLink(link, nastyLabel),
             u"[NOC \\<wall\\> \\& \"ops\" 'B' \\[2\\] \\(east\\) \\\\ Zürich — 東京](https://altostr.at/aBcDeFg)"_s);
    QCOMPARE(ShareFormats::markdownLink(link, u"*bold* _em_ `code`"_s),
             u"[\\*bold\\* \\_em\\_ \\`code\\`](https://altostr.at/aBcDeFg)"_s);
}

void TestShareFormats::markdown_noLabel_usesDefaultText()
{
    QCOMPARE(ShareFormats::markdownLink(link, {}), u"[Altostrat faults](https://altostr.at/aBcDeFg)"_s);
}

void TestShareFormats::markdown_encodesParenthesesInLink()
{
    QCOMPARE(ShareFormats::markdownLink(QUrl(u"https://altostr.at/a(b)c"_s), u"x"_s),
             u"[x](https://altostr.at/a%28b%29c)"_s);
}

void TestShareFormats::html_escapesLabelAndKeepsRel()
{
    QCOMPARE(ShareFormats::htmlAnchor(link, nastyLabel),
             u"<a href=\"https://altostr.at/aBcDeFg\" rel=\"noopener noreferrer\">"
             "NOC &lt;wall&gt; &amp; &quot;ops&quot; &#39;B&#39; [2] (east) \\ Zürich — 東京</a>"_s);
}

void TestShareFormats::html_noLabel_usesDefaultText()
{
    QCOMPARE(ShareFormats::htmlAnchor(link, {}),
             u"<a href=\"https://altostr.at/aBcDeFg\" rel=\"noopener noreferrer\">Altostrat faults</a>"_s);
}

void TestShareFormats::link_isFullyEncodedAndAmpersandEscapedInHtml()
{
    const QUrl withQuery(u"https://altostr.at/x y?a=1&b=\"ü\""_s);
    QCOMPARE(ShareFormats::htmlAnchor(withQuery, u"L"_s),
             u"<a href=\"https://altostr.at/x%20y?a=1&amp;b=%22%C3%BC%22\" rel=\"noopener noreferrer\">L</a>"_s);
    QCOMPARE(ShareFormats::markdownLink(withQuery, u"L"_s), u"[L](https://altostr.at/x%20y?a=1&b=%22%C3%BC%22)"_s);
    QCOMPARE(ShareFormats::iframeSnippet(withQuery, 10, 20, u"L"_s),
             u"<iframe src=\"https://altostr.at/x%20y?a=1&amp;b=%22%C3%BC%22\" width=\"10\" height=\"20\" title=\"L\""
             " loading=\"lazy\" referrerpolicy=\"no-referrer\" style=\"border:0\"></iframe>"_s);
}

void TestShareFormats::labelWithNewline_isOneLine()
{
    QCOMPARE(ShareFormats::markdownLink(link, u"line one\n\nline two"_s),
             u"[line one line two](https://altostr.at/aBcDeFg)"_s);
}

void TestShareFormats::unshareableLink_givesNothing_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("empty") << QUrl();
    QTest::newRow("http on a public host") << QUrl(u"http://altostr.at/aBcDeFg"_s);
    QTest::newRow("javascript") << QUrl(u"javascript:alert(1)"_s);
    QTest::newRow("relative") << QUrl(u"/aBcDeFg"_s);
    QTest::newRow("user info") << QUrl(u"https://user:pw@altostr.at/aBcDeFg"_s);
}

void TestShareFormats::unshareableLink_givesNothing()
{
    QFETCH(QUrl, url);
    QCOMPARE(ShareFormats::iframeSnippet(url, 800, 600, u"x"_s), QString());
    QCOMPARE(ShareFormats::markdownLink(url, u"x"_s), QString());
    QCOMPARE(ShareFormats::htmlAnchor(url, u"x"_s), QString());
}

QTEST_GUILESS_MAIN(TestShareFormats)
#include "tst_shareformats.moc"
