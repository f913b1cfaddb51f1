"""Tests of the activity-script runtime (runtime/)."""
