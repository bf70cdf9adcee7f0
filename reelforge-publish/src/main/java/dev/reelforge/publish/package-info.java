/**
 * The publishing feature (seed 002): a finished run's video posted to one or more platforms, each
 * target a run of the job engine on the {@code publish} queue, so one platform failing never fails
 * another. {@link dev.reelforge.publish.Publications} is what routes, pages and the command line
 * call; {@link dev.reelforge.publish.PublishPipeline} defines the upload stage; quota calendars
 * defer a target past a platform's cap and resume it by itself; the licence gate refuses a run
 * whose media lack evidence that allows the use. Framework-free: the app implements the ports
 * ({@link dev.reelforge.publish.PublishSources}, {@link dev.reelforge.publish.CopyWriter}, {@link
 * dev.reelforge.publish.PublishAlerts}).
 */
package dev.reelforge.publish;
