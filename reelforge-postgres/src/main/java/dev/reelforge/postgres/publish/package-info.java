/**
 * Publishing on PostgreSQL (V12): publications and their targets, the platform quota ledger shared
 * by every node.
 */
package dev.reelforge.postgres.publish;
