package dev.reelforge.app.moderation;

import dev.reelforge.app.config.ModerationSettings;
import dev.reelforge.app.security.Audit;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.ModerationPreferences;
import dev.reelforge.core.moderation.RegionToggles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which moderation choice a run gets, and where it comes from: the run's own choice, else its
 * owner's preference ({@link ModerationPreferences}), else the server default ({@code
 * reelforge.moderation.*}). The story sessions pin the first two into a run's inputs (the gate
 * applies the default to a run that carries none); the brand director's gate reads the same
 * resolution here. Also checks a choice against the configured presets and region toggles.
 */
public final class ModerationChoices {

  /** Where an effective choice comes from. */
  public enum Source {
    RUN("run"),
    USER("user"),
    SERVER_DEFAULT("server default");

    private final String wireName;

    Source(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** A choice and where it comes from. */
  public record Effective(ModerationChoice choice, Source source) {}

  private final ModerationPreferences preferences;
  private final ModerationSettings settings;
  private final Audit audit;

  public ModerationChoices(
      ModerationPreferences preferences, ModerationSettings settings, Audit audit) {
    this.preferences = preferences;
    this.settings = settings;
    this.audit = audit;
  }

  /** The choice a run of {@code owner} gets: {@code requested}, else theirs, else the default. */
  public Effective forRun(UUID owner, Optional<ModerationChoice> requested) {
    if (requested.isPresent()) {
      return new Effective(requested.get(), Source.RUN);
    }
    return forUser(owner);
  }

  /** The choice {@code owner}'s runs get when they name none. */
  public Effective forUser(UUID owner) {
    return preferences
        .of(owner)
        .map(c -> new Effective(c, Source.USER))
        .orElseGet(() -> new Effective(settings.defaultChoice(), Source.SERVER_DEFAULT));
  }

  /** Sets {@code owner}'s preference (checked first, see {@link #checked}); what they now get. */
  public Effective set(UUID owner, ModerationChoice choice) {
    preferences.set(owner, choice);
    return forUser(owner);
  }

  /**
   * An admin sets {@code user}'s preference (checked first): audited as {@code user.moderation}
   * with the effective choice before and after.
   */
  public Effective setByAdmin(UUID user, ModerationChoice choice) {
    Effective before = forUser(user);
    Effective after = set(user, choice);
    audit.record("user.moderation", "user", user.toString(), audited(before), audited(after));
    return after;
  }

  /** {@code effective} in a line: {@code kids+de (user)}. */
  public static String summary(Effective effective) {
    ModerationChoice choice = effective.choice();
    StringBuilder line = new StringBuilder(choice.preset());
    choice.regions().forEach(r -> line.append('+').append(r));
    return line.append(" (").append(effective.source().wireName()).append(')').toString();
  }

  private static Map<String, Object> audited(Effective effective) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("preset", effective.choice().preset());
    data.put("regions", effective.choice().regions());
    data.put("source", effective.source().wireName());
    return data;
  }

  /** Forgets {@code owner}'s preference: their runs get the server default again. */
  public Effective clear(UUID owner) {
    preferences.clear(owner);
    return forUser(owner);
  }

  /**
   * {@code preset} and {@code regions} as a choice, names in lower case and each region once.
   *
   * @throws ReelForgeException with the field {@code preset} or {@code regions[i]} when a name is
   *     not configured
   */
  public ModerationChoice checked(String preset, List<String> regions) {
    if (preset == null || ModerationPolicy.preset(preset).isEmpty()) {
      throw ReelForgeException.invalidField(
          "preset", "must be one of " + String.join(", ", ModerationPolicy.presetNames()));
    }
    RegionToggles toggles = settings.toggles();
    List<String> names = new ArrayList<>();
    List<String> given = regions == null ? List.of() : regions;
    for (int i = 0; i < given.size(); i++) {
      String region = given.get(i);
      if (region == null || region.isBlank() || toggles.holds(region).isEmpty()) {
        throw ReelForgeException.invalidField(
            "regions[" + i + "]", "must be among " + String.join(", ", toggles.names()));
      }
      String name = region.strip().toLowerCase(Locale.ROOT);
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return new ModerationChoice(preset.strip().toLowerCase(Locale.ROOT), names);
  }

  /** The choices a user may make: the presets and the configured region toggles. */
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("presets", ModerationPolicy.presetNames());
    options.put("availableRegions", settings.toggles().names());
    return options;
  }

  /** {@code effective} as the routes answer it. */
  public Map<String, Object> describe(Effective effective) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("preset", effective.choice().preset());
    data.put("regions", effective.choice().regions());
    data.put("source", effective.source().wireName());
    ModerationChoice fallback = settings.defaultChoice();
    data.put("serverDefault", Map.of("preset", fallback.preset(), "regions", fallback.regions()));
    data.putAll(options());
    return data;
  }
}
