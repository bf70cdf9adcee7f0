/**
 * Publishing (seed 002): the platforms a finished short goes to, the copy each one shows and its
 * limits, the {@link dev.reelforge.core.publish.Publisher} port every platform adapter implements
 * (resumable: it keeps its upload session in an {@link dev.reelforge.core.publish.UploadState}),
 * connected platform accounts, publications with one target per platform, and the quota ledger that
 * defers a target past a platform's cap.
 */
package dev.reelforge.core.publish;
