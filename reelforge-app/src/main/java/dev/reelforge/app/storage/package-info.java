/**
 * The blob store as the app assembles it: the store chosen by {@code reelforge.storage.type}, the
 * checksum registry, session folders mirrored for any worker, signed downloads and retention.
 */
package dev.reelforge.app.storage;
