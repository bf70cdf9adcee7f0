/** Background music: the {@link dev.reelforge.core.music.MusicSource} port, moods, requests. */
package dev.reelforge.core.music;
