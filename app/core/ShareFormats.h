#pragma once

#include <QString>
#include <QUrl>

namespace faultshare {

// What "Copy as" puts on the clipboard: the short link in the forms operators paste into
// dashboards, wikis and chat. Pure functions, so every string is tested exactly.
//
// The link is used only when EmbedToken::isShareableUrl() accepts it, fully encoded;
// otherwise every function returns an empty string. The label (an operator's free text)
// is escaped for the target format; without one a default text stands in.
namespace ShareFormats {

constexpr int DefaultIframeWidth = 800;
constexpr int DefaultIframeHeight = 600;
constexpr int MinIframeSide = 1;
constexpr int MaxIframeSide = 10000;

// The text used when there is no label.
QString defaultLabel();

// <iframe src="…" width="W" height="H" title="…" loading="lazy"
//  referrerpolicy="no-referrer" style="border:0"></iframe>
// Width and height are clamped to MinIframeSide..MaxIframeSide.
QString iframeSnippet(const QUrl& link, int width, int height, const QString& label);
// [label](link), with Markdown's special characters in the label backslash-escaped.
QString markdownLink(const QUrl& link, const QString& label);
// <a href="…" rel="noopener noreferrer">label</a>
QString htmlAnchor(const QUrl& link, const QString& label);

} // namespace ShareFormats

} // namespace faultshare
