/**
 * The model registry in the app: the transcribers and face detectors of this build registered by
 * name and version, warmed up in the background when a worker starts, and shown to operators
 * ({@code GET /api/admin/models}) and by {@code doctor}.
 */
package dev.reelforge.app.models;
