/** Licensing evidence on PostgreSQL (V12), kept with each run. */
package dev.reelforge.postgres.licence;
