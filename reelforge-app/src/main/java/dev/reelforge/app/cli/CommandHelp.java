package dev.reelforge.app.cli;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code reelforge --help} and {@code reelforge COMMAND --help} print: the list of commands,
 * and each command's own options. A usage error prints one line and points here instead of
 * repeating all of it.
 */
final class CommandHelp {

  private CommandHelp() {}

  private static final String DATA =
      "  --data DIR           keep the database, render cache and stored files under DIR\n"
          + "                       (default ./data; REELFORGE_DATA_DIR sets it too)";

  private static final String COMMON =
      """
        --debug              print logs and the full error on failure
                             (--stacktrace does the same)

      Any setting can follow the command as --reelforge.NAME=VALUE, be set in the
      environment as REELFORGE_NAME, or be written to ./reelforge.yml
      (see docs/configuration.md).""";

  private static final String GENERATE_IMAGE_OPTIONS =
      """
        --aspect A           1:1 (default), 16:9, 9:16, 4:3 or 3:4
        --quality Q          standard (long side 1024 px, default) or hd (1536 px)
        --seed N             the same seed makes the same picture (default: drawn
                             and printed)
        --out DIR            where the files go (default ./out)
        --name NAME          the files' name (default: from the prompt)
      """;

  private static final String GENERATE_VIDEO_OPTIONS =
      """
        --image FILE         the first frame (PNG or JPEG); without it, text to video
        --end-image FILE     the last frame to arrive at (needs --image)
        --duration S         seconds, 1 to 10 (default 5)
        --fps N              frames per second, 12 to 60 (default 24)
        --resolution R       480p, 720p (default) or 1080p
        --aspect A           16:9 (default), 9:16 or 1:1
        --seed N             the same seed makes the same clip where the engine
                             allows (default: drawn and printed)
        --engine NAME        the engine asked first: local, kling, luma, runway or
                             veo (those whose keys are set; default: the one in use)
        --out DIR            where the files go (default ./out)
        --name NAME          the files' name (default: from the prompt)
      """;

  private static final String GLOBAL =
      """
      usage: reelforge COMMAND [OPTIONS]

      commands:
        make      make short videos from an idea, a text, a link or a script
        generate  generate a picture or a short clip from a prompt
        brand     a brand picture to analysis, storyboard and brand videos
        clips     cut a long video into vertical clips that start and end on sentences
        publish   publish a video to the local publish folder
        render    render a timeline JSON file (docs/rendering.md) to MP4s
        serve     run the HTTP API and dashboard (default http://127.0.0.1:8080)
        doctor    check the JDK, FFmpeg, database, blob store and providers
        user      manage accounts in the server's database
        voices    list the voices of the speech engine in use
        version   print the version

      reelforge COMMAND --help (or reelforge help COMMAND) lists a command's options.
      Every command but version takes:
      """
          + DATA
          + "\n"
          + COMMON;

  private static final Map<String, String> COMMANDS =
      Map.ofEntries(
          entry(
              "make",
              """
              usage: reelforge make (--idea "TEXT" | --text FILE | --url LINK | --script FILE)
                                    [OPTIONS]

              Makes short videos from one input, with a line per stage. The same command again
              resumes a stopped or failed run from the stages already done.

                --idea "TEXT"        a bare idea (a labelled template script)
                --text FILE          a text, Markdown or HTML note (extractive script;
                                     code and tables left out, and said so)
                --url LINK           a web article (http/https, public addresses only)
                --script FILE        your own script, one beat per line (used as written)
                --formats LIST       tiktok (default), reels, shorts, youtube, square
                                     (comma-separated)
                --voice NAME         the speech engine's voice (reelforge voices lists them)
                --caption-style S    bold-pop (default), boxed, minimal, karaoke
                --music M            auto (mood from the script), none, or a mood:
                                     calm, uplifting, tense, playful, mysterious
                --quality Q          draft (quick preview: stills held still, softer),
                                     standard (default) or high
                --out DIR            outputs go to DIR/NAME (default ./out), the run's
                                     work files to DIR/NAME/.work
                --name NAME          the outputs' name (default: from the input)
                --publish            publish the finished videos to the local publish
                                     folder with the script's title, description and
                                     hashtags (as reelforge publish does)
              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "publish",
              """
              usage: reelforge publish VIDEO.mp4 [OPTIONS]

              Publishes a video to the local publish folder: a folder per post with the video,
              its thumbnail, its captions and metadata.json (the copy, privacy, size and
              checksum), for a person or another tool to pick up. Offline; no server. Each
              call is a new post; the post's folder is printed.

                --thumbnail FILE     a JPEG or PNG shown with the video
                --captions FILE      an SRT or VTT file (repeat for several)
                --title TEXT         the title, at most 100 characters (default: from the
                                     video's file name)
                --description TEXT   the description, at most 5,000 characters
                --hashtags LIST      hashtags, comma-separated, with or without #
                --privacy P          public (default), unlisted or private
                --to local           where to publish (default local); YouTube, TikTok,
                                     Instagram and Facebook need the server and a
                                     connected account: POST /api/publications
                --folder DIR         the publish folder (default DATA/published;
                                     --reelforge.publish.folder sets it too)
              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "generate",
              """
              usage: reelforge generate image "PROMPT" [OPTIONS]
                     reelforge generate video [--image FILE] "PROMPT" [OPTIONS]

              Generates one picture or one short clip through the same jobs the server runs,
              with a line per progress report; offline unless a vendor's key is set. The
              output and a 256-pixel thumbnail (NAME.jpg) go to ./out.

              image:
              """
                  + GENERATE_IMAGE_OPTIONS
                  + "\nvideo:\n"
                  + GENERATE_VIDEO_OPTIONS
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "generate image",
              """
              usage: reelforge generate image "PROMPT" [OPTIONS]

              Generates a picture with the image engine in use (procedural offline) and writes
              it as NAME.png with a 256-pixel thumbnail NAME.jpg.

              """
                  + GENERATE_IMAGE_OPTIONS
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "generate video",
              """
              usage: reelforge generate video [--image FILE] [--end-image FILE] "PROMPT"
                                              [OPTIONS]

              Generates a clip with the video engine in use (local, offline, unless a vendor's
              key is set), falling back along the engine's chain when it fails, and writes it
              as NAME.mp4 with a 256-pixel thumbnail NAME.jpg.

              """
                  + GENERATE_VIDEO_OPTIONS
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "brand",
              """
              usage: reelforge brand IMAGE [OPTIONS]

              The brand director on this machine (offline unless a vendor's key is set): the
              picture (a JPEG, PNG or WebP logo or product photo, at most 10 MB) gets the
              upload checks, its analysis is printed (palette, scores, flag), a storyboard is
              directed and its scenes printed, their previews written as scene-N.png. With
              --auto-approve every scene is approved and the finished brand videos are made
              and written as brand-9x16.mp4, brand-16x9.mp4 and brand-1x1.mp4 with thumbnails.
              Nothing is kept once it ends; the server's Director page keeps storyboards.

                --out DIR            where the files go (default ./out)
                --engine E           the production engine: KLING, LUMA or GEMINI_PRO
                                     (default: routed by the scores)
                --style PRESET       a style preset's id, e.g. cinematic
                --auto-approve       approve every scene and production, write the videos
              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "clips",
              """
              usage: reelforge clips FILE [OPTIONS]

              Cuts a long video (a talk, a podcast, a stream) into vertical clips on this
              machine, offline: the speech is transcribed (Sphinx4) unless --srt gives the
              transcript, the best passages are found (whole sentences, scene changes, loudness),
              the speaker's face is kept in frame and word-highlighted captions are burned in.
              Each clip is written as clip-NN-FORMAT.mp4 with its thumbnail and SRT/VTT, and
              clips.json lists them. Nothing else is kept. Ctrl-C stops it.

                FILE                 the video (MP4, MOV, MKV, WebM, AVI, TS or FLV)
                --srt FILE           its transcript (.srt or .vtt), instead of recognition
                --count N            how many clips at most, 1 to 30 (default 5)
                --formats LIST       tiktok (default), reels, shorts, youtube, square
                                     (comma-separated)
                --min-seconds S      the shortest clip (default 15)
                --max-seconds S      the longest clip (default 60)
                --caption-style S    bold-pop (default), boxed, minimal, karaoke
                --quality Q          draft, standard (default) or high
                --out DIR            where the clips go (default ./out/clips-NAME)
              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "render",
              """
              usage: reelforge render TIMELINE.json [OPTIONS]

              Renders a timeline JSON file (docs/rendering.md) to MP4s with captions and
              thumbnails. Ctrl-C stops it; the same command again reuses the finished segments.

                TIMELINE.json        the timeline; relative media paths are resolved
                                     against its folder (or --media DIR)
                --formats LIST       tiktok (default), reels, shorts, youtube, square
                                     (comma-separated; --preset is the same)
                --quality Q          draft (quick preview: stills held still, softer),
                                     standard (default) or high
                --out DIR            where videos, captions and thumbnails go (./out)
                --media DIR          where relative media paths are resolved
                --name NAME          the outputs' name (default: the timeline file's)
                --estimate           print the time and size estimate only
              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "serve",
              """
              usage: reelforge serve [OPTIONS]

              Runs the HTTP API and the dashboard until stopped (Ctrl-C stops it cleanly).

                --port N             listen on port N (default 8080)
                --host ADDR          listen on ADDR (default 127.0.0.1; 0.0.0.0 for every
                                     interface)
                --roles LIST         api, worker, scheduler, comma-separated (default all)
              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "doctor",
              """
              usage: reelforge doctor [OPTIONS]

              Checks the JDK, FFmpeg, the database, the blob store and the providers, with a fix
              for each problem; exits 1 when something required is broken.

              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "user",
              """
              usage: reelforge user add NAME [--role R]
                     reelforge user list
                     reelforge user reset-password NAME

              Manages accounts in the server's database.

                add NAME [--role R]  a new user: creator unless R is admin, operator or
                                     viewer; prints a one-time password
                list                 every user, role and status
                reset-password NAME  a new one-time password; signs the user out
              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "user add",
              """
              usage: reelforge user add NAME [--role admin|operator|creator|viewer]

              Makes a user (a creator unless --role says otherwise) and prints a one-time
              password to sign in with.

              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "user list",
              """
              usage: reelforge user list

              Lists every user with role, status and when it was made.

              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "user reset-password",
              """
              usage: reelforge user reset-password NAME

              Gives the user a new one-time password and signs out every session of theirs.

              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "voices",
              """
              usage: reelforge voices [OPTIONS]

              Lists the voices the speech engine in use has installed: what make --voice and
              the dashboard's voice picker take.

              """
                  + DATA
                  + "\n"
                  + COMMON),
          entry(
              "version",
              """
              usage: reelforge version

              Prints the version, the build time and the Java version."""));

  /** The list of commands and what every command takes. */
  static String global() {
    return GLOBAL;
  }

  /** The help of {@code command} ({@code "user add"} for a subcommand), if there is such one. */
  static Optional<String> of(String command) {
    return Optional.ofNullable(COMMANDS.get(command));
  }

  /** The hint that follows a usage error: where the whole story is. */
  static String seeHelp(String command) {
    return of(command).isPresent()
        ? "see reelforge " + command + " --help"
        : "see reelforge --help";
  }
}
