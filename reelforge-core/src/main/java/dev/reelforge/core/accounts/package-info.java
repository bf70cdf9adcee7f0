/**
 * Accounts and guardrails (SPEC §3): users and roles, their credentials (refresh tokens, API keys),
 * credits, quotas, rate limits and the audit log — the model and the ports; PostgreSQL adapters
 * live in {@code postgres.accounts}, the HTTP edge in {@code app.security}.
 */
package dev.reelforge.core.accounts;
