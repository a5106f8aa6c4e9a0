//! A mirror enum with conversions to and from its core enum.

/// Declare a fieldless `uniffi::Enum` mirroring a core enum variant by variant, with `From`
/// both ways. A variant added to the core enum breaks the build here, which is the point.
macro_rules! mirror_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident => $krate:ident :: $core:ident {
            $( $(#[$vmeta:meta])* $variant:ident, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl From<$name> for $krate::$core {
            fn from(value: $name) -> Self {
                match value {
                    $( $name::$variant => $krate::$core::$variant, )+
                }
            }
        }

        impl From<$krate::$core> for $name {
            fn from(value: $krate::$core) -> Self {
                match value {
                    $( $krate::$core::$variant => $name::$variant, )+
                }
            }
        }
    };
}

pub(crate) use mirror_enum;
