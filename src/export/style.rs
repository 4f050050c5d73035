//! Colours shared by every format, so a class or a community looks the
//! same in Gephi, Graphviz and the HTML page.

/// Colour of a class (by local name), as `#rrggbb`.
pub fn class_color(class: &str) -> &'static str {
    match class {
        "Person" => "#e15759",
        "Organization" => "#4e79a7",
        "Initiative" => "#59a14f",
        "Article" => "#9c755f",
        "Province" => "#b07aa1",
        "City" => "#f28e2b",
        "District" | "County" | "Banner" => "#edc948",
        "Subdistrict" | "Town" | "Township" => "#76b7b2",
        "Community" | "Village" => "#ff9da7",
        "ResidentialCompound" => "#bab0ac",
        _ => "#79706e",
    }
}

const COMMUNITY_PALETTE: [&str; 20] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
    "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
];

/// Colour of a community (palette cycles after 20).
pub fn community_color(community: u32) -> &'static str {
    COMMUNITY_PALETTE[community as usize % COMMUNITY_PALETTE.len()]
}

/// `#rrggbb` as three bytes.
pub(crate) fn rgb(hex: &str) -> (u8, u8, u8) {
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    (byte(1), byte(3), byte(5))
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_to_rgb() {
        assert_eq!(super::rgb("#e15759"), (0xe1, 0x57, 0x59));
    }
}
