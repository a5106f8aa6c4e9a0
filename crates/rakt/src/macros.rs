//! Small declarative helpers shared by the vocabulary modules.

/// An enum of stable snake_case codes with `ALL`, `as_str`, `parse` and `Display`; serde uses the
/// same codes. The error of `parse` names the enum and lists the valid codes.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable code, as in policy files and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// Parse the stable code.
            pub fn parse(text: &str) -> $crate::error::Result<$name> {
                match text.trim() {
                    $($code => Ok($name::$variant),)*
                    other => Err($crate::error::RaktError::input(
                        stringify!($name),
                        format!(
                            "{other:?} is not a known code (expected one of {})",
                            [$($code),*].join(", ")
                        ),
                    )),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::macros::code_fact!($name);
    };
}

/// `From<T>` and `From<&T>` for [`Fact`](crate::reason::Fact), for a type whose `Display` is its
/// `as_str()` code: the fact keeps the code, not a copy of its text.
macro_rules! code_fact {
    ($($name:ty),*) => {$(
        impl From<$name> for $crate::reason::Fact {
            fn from(v: $name) -> $crate::reason::Fact {
                $crate::reason::Fact::Code(v.as_str())
            }
        }

        impl From<&$name> for $crate::reason::Fact {
            fn from(v: &$name) -> $crate::reason::Fact {
                $crate::reason::Fact::Code(v.as_str())
            }
        }
    )*};
}

pub(crate) use code_fact;
pub(crate) use coded_enum;
