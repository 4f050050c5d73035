//! The generation new queries read: the live one, reopened when a build
//! commits another. Queries under way keep the generation they started
//! on (and its lease) until they finish.

use crate::store::{self, Leased, StoreError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct Live {
    root: PathBuf,
    current: Mutex<Arc<Leased>>,
}

impl Live {
    pub fn open(root: &Path) -> Result<Self, StoreError> {
        let leased = store::open_leased(root)?;
        tracing::info!(generation = %leased.name, "serving");
        Ok(Live {
            root: root.to_owned(),
            current: Mutex::new(Arc::new(leased)),
        })
    }

    /// The live generation, switched to when `CURRENT` names a new one
    /// (one small file read per request).
    pub fn get(&self) -> Result<Arc<Leased>, StoreError> {
        let name = store::current_name(&self.root)?;
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if current.name != name {
            let leased = store::open_leased(&self.root)?;
            tracing::info!(from = %current.name, to = %leased.name, "switched generation");
            *current = Arc::new(leased);
        }
        Ok(Arc::clone(&current))
    }
}
