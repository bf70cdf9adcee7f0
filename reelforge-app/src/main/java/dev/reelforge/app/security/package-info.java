/**
 * Accounts and guardrails at the HTTP edge (SPEC §3): who is calling ({@link
 * dev.reelforge.app.security.AuthFilter}), what each route needs ({@link
 * dev.reelforge.app.security.AccessPolicy}), rate limits, body limits and security headers, and the
 * account routes. docs/security.md describes the model.
 */
package dev.reelforge.app.security;
