/**
 * Assembly of the media feature for the {@code generate} command: the media pipelines on an
 * in-process job engine (see {@code dev.reelforge.mediagen.MediaMaker}), with the registry's image
 * engine and video engines and an FFmpeg thumbnailer.
 */
package dev.reelforge.app.mediagen;
