//! The pipeline, stage after stage.
