//! The one serde form of the enums that are stored or linked (an area, a
//! goal, a language): the enum's text id, written with its `id` method and
//! read back with its `from_id`, an id that is not one of ours refused.
//! One short `match` each way per enum, rather than derived code.

/// Implements `Serialize` and `Deserialize` for `$type` as its text id,
/// through its methods `$id` (to the id) and `$from_id` (back, `None` for
/// an unknown id); `$what` names the kind in the error.
macro_rules! serde_as_id {
    ($type:ty, $id:ident, $from_id:ident, $what:literal) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$id())
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            /// Refuses an id that is not one of ours.
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let id = <String as serde::Deserialize>::deserialize(deserializer)?;
                <$type>::$from_id(&id).ok_or_else(|| {
                    serde::de::Error::custom(format!(concat!("unknown ", $what, " \"{}\""), id))
                })
            }
        }
    };
}
