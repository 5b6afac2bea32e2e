"""The release stage's asset: the published, versioned folder."""
