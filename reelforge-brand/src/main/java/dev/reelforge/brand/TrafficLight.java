package dev.reelforge.brand;

/**
 * A scene's review light (seed 001 §4): PENDING until a person looks, GREEN approved for
 * production, YELLOW being changed from their words, RED being re-rolled. After a YELLOW or RED
 * revision the scene is PENDING again: its new preview needs a fresh look.
 */
public enum TrafficLight {
  PENDING,
  GREEN,
  YELLOW,
  RED
}
