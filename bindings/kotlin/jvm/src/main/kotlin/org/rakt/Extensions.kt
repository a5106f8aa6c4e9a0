// Hand-written additions to the generated bindings (target/generated-sources/uniffi).
// Translation only: every function here calls the Rust library; no rule lives in Kotlin.
package org.rakt

/**
 * Parse a blood group as written in real records (`O+`, `O POS`, `o neg`, `AB-Ve`,
 * `O Rh positive`, `A2B+`, `O+ weak D`, `Bombay`, ...): the same as [parseBloodGroup].
 *
 * @throws RaktException.InvalidBloodGroup quoting the input when it is not a blood group.
 */
@Throws(RaktException::class)
fun BloodGroup.Companion.parse(text: String): BloodGroup = parseBloodGroup(text)
