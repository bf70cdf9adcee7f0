/** Local stand-ins for the publishing platforms' documented HTTP APIs. */
package dev.reelforge.testkit.publish.stub;
