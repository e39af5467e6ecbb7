//! The built-in party kinds and resource kinds.

/// Party kinds (`kind`).
pub const PARTY_KINDS: &[&str] = &[
    "chapter",
    "user-group",
    "foundation",
    "library",
    "museum",
    "archive",
    "gallery",
    "university",
    "school",
    "company",
    "government",
    "intergovernmental",
    "ngo",
    "community",
    "person",
    "other",
];

/// Resource kinds (the word after `invests` and `gains`) and their meaning.
pub const RESOURCE_KINDS: &[(&str, &str)] = &[
    ("money", "funds, grants, payments"),
    ("time", "people's time: staff, volunteers, trainers"),
    (
        "expertise",
        "knowledge, training, professional skill offered",
    ),
    ("venue", "a room, a hall, a space"),
    ("equipment", "hardware, materials, supplies"),
    ("content", "texts, images, media, collections"),
    ("data", "data sets, metadata"),
    (
        "access",
        "access to people, students, collections, networks",
    ),
    ("reputation", "the side's good name, an endorsement"),
    ("promotion", "publicity, newsletters, social media"),
    ("visibility", "being seen and credited"),
    ("members", "new members, editors, volunteers"),
    ("visitors", "audience, attendance"),
    ("skills", "capacity built in the side's own people"),
    ("mission", "progress on the side's own mission"),
    ("other", "anything else; the description says what"),
];

/// The meaning of a built-in resource kind.
pub fn resource_meaning(kind: &str) -> Option<&'static str> {
    RESOURCE_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, m)| *m)
}
