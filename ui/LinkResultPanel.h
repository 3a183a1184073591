#pragma once

#include "Countdown.h"
#include "EmbedToken.h"
#include "QrCode.h"

#include <QDateTime>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QGroupBox;
class QMenu;
class QTimer;
namespace Ui {
class LinkResultPanel;
class LinkDetails;
}

namespace faultshare {

class Ticker;


// The result of the window: the QR code of the link at the chosen error correction (or
// why there is none), the short link, the live countdown in its phase colours, and the
// token with its details (masked until revealed). Takes the link down when it expires.
// What is done with the link (copy, open, save, print) is not its business: its buttons
// say they were clicked, and stateChanged() says what is live.
class LinkResultPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkResultPanel)

public:
    // Where the token details go when first built (the window puts them under its form).
    using PlaceDetails = std::function<void(QGroupBox* details)>;

    // ticker: the window's one countdown clock.
    LinkResultPanel(Ticker& ticker, PlaceDetails placeDetails, QWidget* parent = nullptr);
    ~LinkResultPanel() override;

    // The result becomes token (generated now or taken from the history), titled label.
    void showToken(const EmbedToken& token, const QString& label);
    // Redraws the countdown at once (after the clock was changed).
    void refresh();

    const std::optional<EmbedToken>& token() const { return m_token; }
    QString label() const;
    // The shareable short link of the token, empty when it has none.
    QString link() const { return m_link; }
    bool hasLiveLink() const { return !m_link.isEmpty() && !m_expired; }
    bool hasLiveToken() const { return m_token && !m_expired; }
    // "Now" on the token's clock: the server's when it is significantly off ours.
    QDateTime tokenNow() const;

    // The QR code of the live link at the chosen error correction; null when there is none.
    QrCode currentQrCode() const;
    QrCode::ErrorCorrection errorCorrection() const;
    // Without errorCorrectionChanged(): the starting choice.
    void setErrorCorrection(QrCode::ErrorCorrection level);

    // The menus of the "Copy as" and "QR code" buttons.
    void setShareMenus(QMenu* copyAs, QMenu* qrCode);
    // "Copied" beside the link, for a moment.
    void showCopied();
    // widget (the next renewal's time) goes at the end of the countdown's line.
    void addBesideCountdown(QWidget* widget);

Q_SIGNALS:
    // A link was shown or taken down: hasLiveLink() and hasLiveToken() may have changed.
    void stateChanged();
    void errorCorrectionChanged(QrCode::ErrorCorrection level);
    void copyLinkClicked();
    void openLinkClicked();
    void previewClicked();
    // The token's copy button, or a copy in the token field (Ctrl+C and the like).
    void copyTokenRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    // The result page's own fonts (a large bold countdown and title, the fixed-width link),
    // set when a result is first shown: the first frame shows the empty page, and each of
    // these fonts is a font lookup (fontconfig) and a face to load, which the hidden page's
    // size hints would otherwise make before that frame.
    void setResultFonts();
    // Built when first needed, since the first frame does not show them (LinkDetails.ui).
    Ui::LinkDetails& detailsUi();
    void showResult();
    void showDetails(const EmbedToken& token);
    void showQrCode();
    void updateCountdown();
    void applyPhase(Countdown::Phase phase);
    void takeDown();
    void updateEnabled();
    void setTokenRevealed(bool revealed);
    void updateColours();

    const std::unique_ptr<Ui::LinkResultPanel> m_ui;
    std::unique_ptr<Ui::LinkDetails> m_detailsUi;
    QGroupBox* m_detailsGroup = nullptr; // the form's root, with m_detailsUi
    Ticker& m_ticker;
    PlaceDetails m_placeDetails;
    QTimer* m_copyFeedbackTimer;

    std::optional<EmbedToken> m_token;
    QString m_link;
    bool m_expired = false;
    bool m_resultFonts = false;
    std::optional<Countdown::Phase> m_phase;
};

} // namespace faultshare
