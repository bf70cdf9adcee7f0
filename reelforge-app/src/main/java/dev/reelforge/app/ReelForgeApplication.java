package dev.reelforge.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot assembly of ReelForge. Start it through {@link
 * dev.reelforge.app.cli.ReelForgeMain}, which adds the command line ({@code serve}, {@code doctor},
 * {@code version}) and the one-line startup errors.
 */
@SpringBootApplication
public class ReelForgeApplication {}
