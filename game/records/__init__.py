"""Learner records: profile, progress, results."""
