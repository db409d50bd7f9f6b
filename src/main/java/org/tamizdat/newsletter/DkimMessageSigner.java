package org.tamizdat.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import org.tamizdat.config.DkimSettings;

/**
 * DKIM (RFC 6376) with rsa-sha256 and relaxed/relaxed canonicalization, which survives the
 * whitespace changes relays make. The one-click unsubscribe headers are signed too, as RFC 8058
 * requires. The library's signer keeps digest state, so each message gets its own.
 */
public final class DkimMessageSigner implements MessageSigner {
  private final DkimSettings settings;

  public DkimMessageSigner(DkimSettings settings) {
    this.settings = settings;
  }

  @Override
  public MimeMessage sign(MimeMessage message) throws MessagingException {
    DkimSigner signer = new DkimSigner(settings.domain(), settings.selector(), settings.key());
    signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
    signer.setHeaderCanonicalization(Canonicalization.RELAXED);
    signer.setBodyCanonicalization(Canonicalization.RELAXED);
    signer.addHeaderToSign("List-Unsubscribe-Post");
    // The library would look up our public key in DNS for every message; whether DNS has the
    // right key is a deployment check, not something to pay for per message.
    signer.setCheckDomainKey(false);
    return new DkimMessage(message, signer);
  }
}
