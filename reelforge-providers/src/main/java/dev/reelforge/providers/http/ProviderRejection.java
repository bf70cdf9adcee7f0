package dev.reelforge.providers.http;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.List;

/**
 * A provider refused a request for a reason retrying will not change (a 4xx other than 408, 425 and
 * 429). Adapters catch it where a status means something in their domain (a prompt refused by a
 * content policy is the user's input, not an outage).
 */
public final class ProviderRejection extends ReelForgeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String providerMessage;
  private final String providerCode;

  ProviderRejection(String provider, int status, String providerMessage, String providerCode) {
    super(
        ErrorCode.EXTERNAL_API_ERROR,
        provider
            + " rejected the request (HTTP "
            + status
            + ")"
            + hint(status, provider)
            + (providerMessage.isEmpty() ? "" : ": " + providerMessage),
        false,
        List.of(),
        null);
    this.status = status;
    this.providerMessage = providerMessage;
    this.providerCode = providerCode;
  }

  public int status() {
    return status;
  }

  /** What the provider said, as extracted from its error body (may be empty). */
  public String providerMessage() {
    return providerMessage;
  }

  /** The provider's machine-readable error code ({@code error.code}), empty when it gives none. */
  public String providerCode() {
    return providerCode;
  }

  private static String hint(int status, String provider) {
    return status == 401 || status == 403
        ? " — check reelforge.providers." + provider + ".api-key"
        : "";
  }
}
