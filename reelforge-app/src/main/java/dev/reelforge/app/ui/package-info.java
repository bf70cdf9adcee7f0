/**
 * The web dashboard: server-rendered pages (Thymeleaf templates under {@code templates/ui/}) for
 * creators, operators and admins, over the same services as the API. Pages update in place with
 * htmx (forms post and swap the part of the page that changed) and follow runs live over the events
 * stream; there is no front-end build. Browsers sign in with a cookie ({@code BrowserSession}).
 */
package dev.reelforge.app.ui;
