/** The process's place in a cluster: its roles and what each role switches on. */
package dev.reelforge.app.cluster;
