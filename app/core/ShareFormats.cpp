#include "ShareFormats.h"

#include "EmbedToken.h"

#include <QCoreApplication>

#include <algorithm>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

// The link as it is shared everywhere else (QR, Copy link): fully encoded, or nothing.
QString shareableLink(const QUrl& link)
{
    return EmbedToken::isShareableUrl(link) ? link.toString(QUrl::FullyEncoded) : QString();
}

QString labelOrDefault(const QString& label)
{
    // One line: a newline would end a Markdown link or split an attribute in the middle.
    const QString text = label.simplified();
    return text.isEmpty() ? ShareFormats::defaultLabel() : text;
}

// Text for an HTML attribute value in double quotes or element content. toHtmlEscaped()
// covers & < > "; the apostrophe too, so the result is also safe in single quotes.
QString htmlEscaped(const QString& text)
{
    return text.toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

} // namespace

namespace ShareFormats {

QString defaultLabel()
{
    return QCoreApplication::translate("ShareFormats", "Altostrat faults");
}

QString iframeSnippet(const QUrl& link, int width, int height, const QString& label)
{
    const QString url = shareableLink(link);
    if (url.isEmpty())
        return {};
    width = std::clamp(width, MinIframeSide, MaxIframeSide);
    height = std::clamp(height, MinIframeSide, MaxIframeSide);
    return u"<iframe src=\"%1\" width=\"%2\" height=\"%3\" title=\"%4\" loading=\"lazy\""
           " referrerpolicy=\"no-referrer\" style=\"border:0\"></iframe>"_s
        .arg(htmlEscaped(url), QString::number(width), QString::number(height), htmlEscaped(labelOrDefault(label)));
}

QString markdownLink(const QUrl& link, const QString& label)
{
    QString url = shareableLink(link);
    if (url.isEmpty())
        return {};
    // Parentheses are legal in a URL but would end or unbalance the link destination.
    url.replace(u'(', u"%28"_s).replace(u')', u"%29"_s);

    // Backslash-escaping is valid for any ASCII punctuation in CommonMark. Besides the
    // link syntax itself ([ ] ( ) and the backslash), escape what would turn the label
    // into markup: emphasis (* _), code (`), raw HTML (< >) and entities (&).
    static constexpr QStringView special = u"\\[]()<>`*_&";
    const QString text = labelOrDefault(label);
    QString escaped;
    escaped.reserve(text.size() * 2);
    for (const QChar c : text) {
        if (special.contains(c))
            escaped += u'\\';
        escaped += c;
    }
    return u"[%1](%2)"_s.arg(escaped, url);
}

QString htmlAnchor(const QUrl& link, const QString& label)
{
    const QString url = shareableLink(link);
    if (url.isEmpty())
        return {};
    return u"<a href=\"%1\" rel=\"noopener noreferrer\">%2</a>"_s.arg(htmlEscaped(url),
                                                                      htmlEscaped(labelOrDefault(label)));
}

} // namespace ShareFormats

} // namespace faultshare
