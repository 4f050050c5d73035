//! The on-disk calls of Oxigraph's `Store` for a build without the
//! `rocksdb` feature, where Oxigraph has none: each fails with a clear
//! error. Only the fuzz targets (`fuzz/`) build so; they use in-memory
//! stores, and this keeps the rest of `store` the same in both builds
//! (a method of this trait is found only where the inherent one is
//! missing).

use oxigraph::store::{StorageError, Store};
use std::path::Path;

fn unavailable() -> StorageError {
    StorageError::Other(
        "this build has no on-disk store (built without the rocksdb feature)".into(),
    )
}

pub(super) trait OnDisk: Sized {
    fn open(path: impl AsRef<Path>) -> Result<Self, StorageError>;
    fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StorageError>;
    fn backup(&self, target: impl AsRef<Path>) -> Result<(), StorageError>;
    fn optimize(&self) -> Result<(), StorageError>;
    fn flush(&self) -> Result<(), StorageError>;
}

impl OnDisk for Store {
    fn open(_: impl AsRef<Path>) -> Result<Self, StorageError> {
        Err(unavailable())
    }
    fn open_read_only(_: impl AsRef<Path>) -> Result<Self, StorageError> {
        Err(unavailable())
    }
    fn backup(&self, _: impl AsRef<Path>) -> Result<(), StorageError> {
        Err(unavailable())
    }
    fn optimize(&self) -> Result<(), StorageError> {
        Err(unavailable())
    }
    fn flush(&self) -> Result<(), StorageError> {
        Err(unavailable())
    }
}
