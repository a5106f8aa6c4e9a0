package org.rakt

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.TestFactory
import org.opentest4j.AssertionFailedError
import java.io.File
import java.math.BigDecimal
import java.time.Duration
import java.time.OffsetDateTime

/**
 * The conformance vectors (tests/vectors/README.md) through the public Kotlin API: one dynamic
 * test per case, named by the case id. Reads every `*.json` in `-Drakt.vectors.dir` (default
 * `../../../tests/vectors`) and in `$RAKT_EXTRA_VECTORS` when set. Duplicate ids fail.
 */
class VectorsTest {

    @TestFactory
    fun vectors(): List<DynamicTest> {
        val dir = File(System.getProperty("rakt.vectors.dir")?.takeIf { it.isNotBlank() } ?: "../../../tests/vectors")
        val files = jsonFiles(dir).toMutableList()
        System.getenv("RAKT_EXTRA_VECTORS")?.takeIf { it.isNotEmpty() }?.let { files += jsonFiles(File(it)) }
        if (files.isEmpty()) {
            return listOf(dynamicTest("no vector files") { fail<Unit>("no *.json vector files in ${dir.absolutePath}") })
        }
        val seen = HashMap<String, File>()
        val tests = ArrayList<DynamicTest>()
        for (file in files) {
            val cases = JSONObject(file.readText()).getJSONArray("cases")
            for (i in 0 until cases.length()) {
                val case = cases.getJSONObject(i)
                val id = case.getString("id")
                val earlier = seen.putIfAbsent(id, file)
                tests += dynamicTest(id) {
                    try {
                        if (earlier != null) fail<Unit>("duplicate id in ${file.path} (also in ${earlier.path})")
                        runCase(case)
                    } catch (e: AssertionError) {
                        // name the case in the console too (surefire prints vectors()[n] there)
                        throw AssertionFailedError("$id: ${e.message}", e)
                    }
                }
            }
        }
        return tests
    }

    private fun jsonFiles(dir: File): List<File> {
        val listed = dir.listFiles() ?: throw IllegalStateException("cannot read vector directory ${dir.absolutePath}")
        return listed.filter { it.isFile && it.name.endsWith(".json") }.sortedBy { it.name }
    }

    private fun runCase(case: JSONObject) {
        val input = case.getJSONObject("input")
        val expect = case.getJSONObject("expect")
        when (val op = case.getString("op")) {
            "parse_blood_group" -> opParse(input, expect)
            "compatibility" -> opCompatibility(input, expect)
            "donor_preference" -> opPreference(input, expect)
            "expiry" -> opExpiry(input, expect)
            "pool_expiry" -> opPool(input, expect)
            "policy_load" -> opPolicy(input, expect)
            else -> fail<Unit>("unknown op \"$op\"")
        }
    }

    // ---- comparison -------------------------------------------------------------------------

    /** JSON-style equality: numbers by value, null == JSONObject.NULL, lists and maps deeply. */
    private fun same(got: Any?, want: Any?): Boolean {
        val g = if (got == JSONObject.NULL) null else got
        val w = if (want == JSONObject.NULL) null else want
        return when {
            g == null || w == null -> g == null && w == null
            g is Number && w is Number -> BigDecimal(g.toString()).compareTo(BigDecimal(w.toString())) == 0
            g is JSONArray -> same(g.toList(), w)
            w is JSONArray -> same(g, w.toList())
            g is JSONObject -> same(g.toMap(), w)
            w is JSONObject -> same(g, w.toMap())
            g is List<*> && w is List<*> -> g.size == w.size && g.indices.all { same(g[it], w[it]) }
            g is Map<*, *> && w is Map<*, *> -> g.keys == w.keys && g.keys.all { same(g[it], w[it]) }
            else -> g == w
        }
    }

    private fun check(what: String, got: Any?, want: Any?) {
        if (!same(got, want)) fail<Unit>("$what: got ${show(got)}, want ${show(want)}")
    }

    private fun show(v: Any?): String = when (v) {
        null, JSONObject.NULL -> "null"
        is String -> JSONObject.quote(v)
        is List<*> -> v.joinToString(", ", "[", "]") { show(it) }
        else -> v.toString()
    }

    private fun checkTime(what: String, got: OffsetDateTime, want: Any?) {
        val w = parseTimestamp(want as? String ?: "")
        // same instant AND same UTC offset
        if (!(got.isEqual(w) && got.offset == w.offset)) fail<Unit>("$what: got $got, want $want")
    }

    private fun checkError(e: RaktException, expect: JSONObject) {
        if (!expect.has("error")) fail<Unit>("unexpected error ${e::class.simpleName}: $e")
        check("error", e::class.simpleName, expect.get("error"))
        val path = when (e) {
            is RaktException.InvalidPolicy -> e.path
            is RaktException.PolicyValueMissing -> e.path
            else -> null
        }
        val code = (e as? RaktException.NotApplicable)?.code
        val field = (e as? RaktException.InvalidInput)?.field
        if (expect.has("error_path")) check("error_path", path, expect.get("error_path"))
        if (expect.has("error_code")) check("error_code", code, expect.get("error_code"))
        if (expect.has("error_field")) check("error_field", field, expect.get("error_field"))
        if (expect.has("error_contains")) {
            val want = expect.getString("error_contains")
            // toString() is the core's message (exported Rust Display)
            if (!e.toString().contains(want)) fail<Unit>("error \"$e\" does not contain \"$want\"")
        }
    }

    /** Run [block]; an expected error is checked and gives null, anything else must succeed. */
    private fun <T> expectOk(expect: JSONObject, block: () -> T): T? {
        val value = try {
            block()
        } catch (e: RaktException) {
            checkError(e, expect)
            return null
        }
        if (expect.has("error")) fail<Unit>("expected error ${expect.get("error")}, got success")
        return value
    }

    // ---- inputs -----------------------------------------------------------------------------

    private fun bad(why: String): Nothing = throw RaktException.InvalidInput("vector", why)

    private inline fun <reified E : Enum<E>> enumOf(text: String): E =
        enumValues<E>().firstOrNull { it.name == text.uppercase() } ?: bad("\"$text\" is not a ${E::class.simpleName}")

    private inline fun <reified E : Enum<E>> optionalEnum(obj: JSONObject, key: String): E? =
        if (obj.isNull(key)) null else enumOf<E>(obj.getString(key))

    private fun policy(input: JSONObject): Policy? = when (val p = input.opt("policy")) {
        null, JSONObject.NULL -> null // the default (india) profile
        is String -> Policy.builtin(p)
        is JSONObject -> Policy.fromJson(p.toString())
        else -> bad("policy must be a name or an object")
    }

    private fun group(v: Any?): BloodGroup = BloodGroup.parse(v as? String ?: "")

    private fun recipient(v: JSONObject): Recipient = Recipient(
        group = if (v.isNull("group")) null else group(v.get("group")),
        sex = optionalEnum<Sex>(v, "sex"),
        ageYears = if (v.isNull("age_years")) null else v.getInt("age_years"),
        antiD = v.optBoolean("anti_d", false),
        chronicallyTransfused = v.optBoolean("chronically_transfused", false),
    )

    private fun product(v: JSONObject): Product {
        val mods = v.optJSONArray("modifications")?.let { a -> (0 until a.length()).map { enumOf<Modification>(a.getString(it)) } }
        return Product(
            component = parseComponent(v.optString("component")),
            preservative = optionalEnum<Preservative>(v, "preservative"),
            plateletSource = optionalEnum<PlateletSource>(v, "platelet_source"),
            modifications = mods ?: emptyList(),
        )
    }

    private fun redating(v: JSONObject): Redating {
        val at = parseTimestamp(v.optString("at"))
        return when (val kind = v.optString("kind")) {
            "irradiated" -> Redating.Irradiated(at)
            "washed" -> Redating.Washed(at)
            "opened" -> Redating.Opened(at)
            "thawed" -> Redating.Thawed(at, enumOf<Storage>(v.optString("storage")))
            else -> bad("unknown event kind \"$kind\"")
        }
    }

    /** Base expiry (modifications already on the product go to computeExpiry), then each event. */
    private fun unitExpiry(unit: JSONObject, p: Policy?): Expiry {
        var e = computeExpiry(product(unit.getJSONObject("product")), parseTimestamp(unit.optString("collected_at")), p)
        val events = unit.optJSONArray("events") ?: JSONArray()
        for (i in 0 until events.length()) e = redate(e, redating(events.getJSONObject(i)), p)
        return e
    }

    private fun abo(a: Abo): String = if (a == Abo.OH) "Oh" else a.name

    // ---- operations -------------------------------------------------------------------------

    private fun opParse(input: JSONObject, expect: JSONObject) {
        val g = expectOk(expect) { group(input.opt("text")) } ?: return
        val got = mapOf(
            "display" to g.toString(),
            "notation" to g.notation(),
            "abo" to abo(g.abo),
            "rhd" to g.rhd?.name?.lowercase(),
            "a_subgroup" to g.aSubgroup?.name,
            "weak_d" to g.weakD,
        )
        for ((key, value) in got) if (expect.has(key)) check(key, value, expect.get(key))
    }

    private fun opCompatibility(input: JSONObject, expect: JSONObject) {
        val v = expectOk(expect) {
            val c = parseComponent(input.optString("component"))
            val donor = group(input.opt("donor"))
            val r = recipient(input.getJSONObject("recipient"))
            compatibility(c, donor, r, policy(input))
        } ?: return
        if (expect.has("compatible")) check("compatible", v.compatible, expect.get("compatible"))
        if (expect.has("rank")) check("rank", v.rank.name.lowercase(), expect.get("rank"))
        if (expect.has("emergency")) check("emergency", v.emergency, expect.get("emergency"))
        val codes = v.reasons.map { it.code }
        if (expect.has("codes")) check("codes", codes, expect.get("codes"))
        expect.optJSONArray("codes_include")?.let { want ->
            for (i in 0 until want.length()) {
                if (want.getString(i) !in codes) fail<Unit>("codes ${show(codes)} lack ${want.getString(i)}")
            }
        }
        expect.optJSONObject("facts")?.let { want ->
            for (code in want.keySet()) {
                val reason = v.reasons.firstOrNull { it.code == code } ?: fail("no reason $code in ${show(codes)}")
                val facts = want.getJSONObject(code)
                for (name in facts.keySet()) check("$code.facts.$name", reason.facts[name], facts.get(name))
            }
        }
    }

    private fun opPreference(input: JSONObject, expect: JSONObject) {
        val options = expectOk(expect) {
            donorPreference(parseComponent(input.optString("component")), recipient(input.getJSONObject("recipient")), policy(input))
        } ?: return
        if (expect.has("groups")) check("groups", options.map { it.group.toString() }, expect.get("groups"))
        if (expect.has("ranks")) check("ranks", options.map { it.rank.name.lowercase() }, expect.get("ranks"))
    }

    private fun checkExpiry(e: Expiry, input: JSONObject, expect: JSONObject) {
        if (expect.has("expires_at")) checkTime("expires_at", e.expiresAt, expect.get("expires_at"))
        if (expect.has("codes")) check("codes", e.reasons.map { it.code }, expect.get("codes"))
        if (expect.has("modifications")) {
            check("modifications", e.product.modifications.map { it.name.lowercase() }, expect.get("modifications"))
        }
        val asOf = { parseTimestamp(input.optString("as_of")) }
        if (expect.has("expired")) check("expired", isExpired(e, asOf()), expect.get("expired"))
        if (expect.has("within")) {
            if (!input.has("within_minutes")) fail<Unit>("within_minutes missing")
            val within = expiresWithin(e, Duration.ofMinutes(input.getLong("within_minutes")), asOf())
            check("within", within, expect.get("within"))
        }
    }

    private fun opExpiry(input: JSONObject, expect: JSONObject) {
        val e = expectOk(expect) { unitExpiry(input, policy(input)) } ?: return
        checkExpiry(e, input, expect)
    }

    private fun opPool(input: JSONObject, expect: JSONObject) {
        val e = expectOk(expect) {
            val p = policy(input)
            val units = input.optJSONArray("units") ?: JSONArray()
            val expiries = (0 until units.length()).map { unitExpiry(units.getJSONObject(it), p) }
            poolExpiry(expiries, parseTimestamp(input.optString("pooled_at")), p)
        } ?: return
        checkExpiry(e, input, expect)
    }

    private fun opPolicy(input: JSONObject, expect: JSONObject) {
        val text = input.optString("text")
        val format = input.optString("format")
        if (format != "json" && format != "toml") fail<Unit>("unknown format \"$format\"")
        val p = expectOk(expect) { if (format == "json") Policy.fromJson(text) else Policy.fromToml(text) } ?: return
        p.use {
            if (expect.has("name")) check("name", p.name(), expect.get("name"))
            val exported = JSONObject(p.toJson())
            expect.optJSONObject("values")?.let { values ->
                for (path in values.keySet()) {
                    var node: Any? = exported
                    for (key in path.split('.')) node = (node as? JSONObject)?.opt(key)
                    check(path, node, values.get(path))
                }
            }
            expect.optJSONObject("confidence")?.let { want ->
                for (path in want.keySet()) {
                    check("confidence of $path", p.source(path)?.confidence?.name?.lowercase(), want.get(path))
                }
            }
        }
    }
}
