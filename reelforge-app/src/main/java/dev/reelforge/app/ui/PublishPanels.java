package dev.reelforge.app.ui;

import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.PlatformAccountStore;
import dev.reelforge.publish.Publications;
import dev.reelforge.publish.PublishSources;
import dev.reelforge.publish.Publishers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Publish panel of a finished run's page: the form (the run's formats, the local folder and
 * every platform set up on this server, each with its account) and the run's publications so far.
 * Only the run's owner sees it: an operator looking at someone's run cannot publish it.
 */
@Component
class PublishPanels {

  /** How many of the run's publications the panel lists. */
  static final int LISTED = 20;

  private final Publications publications;
  private final Publishers publishers;
  private final PublishSources sources;
  private final PublicationCards cards;
  private final ObjectProvider<PlatformAccountStore> accounts;

  PublishPanels(
      Publications publications,
      Publishers publishers,
      PublishSources sources,
      PublicationCards cards,
      ObjectProvider<PlatformAccountStore> accounts) {
    this.publications = publications;
    this.publishers = publishers;
    this.sources = sources;
    this.cards = cards;
    this.accounts = accounts;
  }

  /** The run's formats when {@code owner} may publish it; empty otherwise. */
  List<String> formats(UUID owner, RunRecord run) {
    if (!run.ownerId().equals(owner) || run.status() != RunStatus.SUCCEEDED) {
      return List.of();
    }
    return sources.formats(owner, run.id());
  }

  /** Fills the panel's model; {@code form} empty for a fresh one. */
  void fill(
      UUID owner,
      RunRecord run,
      Optional<PublishForm> form,
      Map<String, String> errors,
      Model model) {
    List<String> formats = formats(owner, run);
    model.addAttribute("publishable", !formats.isEmpty());
    model.addAttribute("publishRunId", run.id().toString());
    model.addAttribute("publishFormats", formats);
    model.addAttribute("publishPlatforms", platforms(owner));
    model.addAttribute(
        "publishForm",
        form.orElseGet(() -> PublishForm.defaults(formats.isEmpty() ? "" : formats.getFirst())));
    model.addAttribute("publishErrors", errors);
    model.addAttribute(
        "runPublications",
        run.ownerId().equals(owner)
            ? publications.publications(owner, Optional.of(run.id()), LISTED).stream()
                .map(p -> cards.card(p, true))
                .toList()
            : List.of());
  }

  /**
   * The local folder first, then each platform set up here, in a fixed order, each with {@code
   * owner}'s connected accounts on it.
   */
  List<PlatformOption> platforms(UUID owner) {
    PlatformAccountStore store = accounts.getIfAvailable();
    List<PlatformAccount> connected = store == null ? List.of() : store.list(owner);
    return Arrays.stream(Platform.values())
        .filter(p -> p == Platform.LOCAL || publishers.platforms().contains(p))
        .map(
            p ->
                new PlatformOption(
                    p.key(),
                    PublicationCards.platformName(p),
                    p.needsAccount(),
                    connected.stream()
                        .filter(a -> a.platform() == p)
                        .map(
                            a ->
                                new AccountOption(
                                    a.id().toString(),
                                    a.displayName().isBlank() ? a.externalId() : a.displayName(),
                                    a.status() == PlatformAccount.Status.CONNECTED))
                        .toList()))
        .toList();
  }

  /** A place the form offers, with the caller's accounts there. */
  public record PlatformOption(
      String key, String name, boolean needsAccount, List<AccountOption> accounts) {}

  /** One connected account in the picker; one that must be connected again is shown, disabled. */
  public record AccountOption(String id, String label, boolean usable) {}
}
