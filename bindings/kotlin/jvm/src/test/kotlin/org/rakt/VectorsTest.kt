package org.rakt

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.TestFactory
import org.opentest4j.AssertionFailedError
import java.io.File
import java.math.BigDecimal
import java.time.Duration
import java.time.LocalDate
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
        try {
            runOp(case.getString("op"), input, expect)
        } catch (e: org.json.JSONException) {
            // An op read an expected key the case does not give: fail cleanly, saying why.
            if (expect.has("error")) fail<Unit>("expected error ${expect.get("error")}, got success")
            fail<Unit>("the case lacks what the op reads: ${e.message}")
        }
    }

    private fun runOp(op: String, input: JSONObject, expect: JSONObject) {
        when (op) {
            "parse_blood_group" -> opParse(input, expect)
            "compatibility" -> opCompatibility(input, expect)
            "donor_preference" -> opPreference(input, expect)
            "expiry" -> opExpiry(input, expect)
            "pool_expiry" -> opPool(input, expect)
            "policy_load" -> opPolicy(input, expect)
            "assess_donor" -> opAssessDonor(input, expect)
            "unit_events" -> opUnitEvents(input, expect)
            "release_verdict" -> opReleaseVerdict(input, expect)
            "unit_hl7" -> opUnitHl7(input, expect)
            "handle_reactive" -> opHandleReactive(input, expect)
            "split_unit" -> opSplitUnit(input, expect)
            "pool_units" -> opPoolUnits(input, expect)
            "isbt128_check_character" -> opIsbtCheck(input, expect)
            "isbt128_parse_din" -> opIsbtDin(input, expect)
            "eraktkosh_component_from_code" -> opErkComponent(input, expect)
            "eraktkosh_component_product" -> opErkProduct(input, expect)
            "eraktkosh_component_for_product" -> opErkForProduct(input, expect)
            "eraktkosh_blood_group_from_code" -> opErkGroup(input, expect)
            "eraktkosh_blood_group_to_code" -> opErkGroupToCode(input, expect)
            "eraktkosh_stock_summary" -> opErkStock(input, expect)
            "isbt128_decode_blood_group" -> checkKeys(expectOk(expect) { decodeBloodGroup(input.getString("text")) }?.let { groupMap(it) }, expect)
            "isbt128_encode_blood_group" -> opIsbtEncodeGroup(input, expect)
            "isbt128_parse_product_code" -> checkKeys(expectOk(expect) { parseProductCode(input.getString("text")) }?.let { productMap(it) }, expect)
            "isbt128_decode_datetime" -> checkKeys(expectOk(expect) { decodeDatetime(input.getString("text")) }?.let { dateMap(it) }, expect)
            "isbt128_encode_datetime" -> opIsbtEncodeDate(input, expect)
            "isbt128_parse_scan" -> opIsbtScan(input, expect)
            "isbt128_label_to_unit" -> opIsbtLabel(input, expect)
            "fhir_export" -> opFhirExport(input, expect)
            "fhir_import" -> opFhirImport(input, expect)
            "kpis" -> opKpis(input, expect)
            "inventory_allocate" -> opInvAllocate(input, expect)
            "inventory_storage_centre_check" -> opInvStorageCentre(input, expect)
            "inventory_days_of_stock" -> opInvDaysOfStock(input, expect)
            "inventory_transfer" -> opInvTransfer(input, expect)
            "tariff_ceiling" -> opTariffCeiling(input, expect)
            "tariff_validate" -> checkKeys(expectOk(expect) { validateTariff(centreTariff(input.getJSONObject("tariff"))) }?.let { mapOf("schedule" to it.schedule) }, expect)
            "tariff_bill" -> opTariffBill(input, expect)
            "assess_pregnancy" -> opAssessPregnancy(input, expect)
            "blood_readiness" -> opBloodReadiness(input, expect)
            "early_warning" -> opEarlyWarning(input, expect)
            "shock_index" -> checkKeys(expectOk(expect) { shockIndex(input.getInt("heart_rate"), input.getInt("systolic_bp"), policy(input)) }
                ?.let { mapOf("value" to it.value.toPlainString(), "alert" to it.alert, "high" to it.high) }, expect)
            "pph_red_flags" -> opRedFlags(input, expect)
            "robson_group" -> opRobson(input, expect)
            "edd_from_lmp" -> checkKeys(expectOk(expect) { eddFromLmp(LocalDate.parse(input.getString("lmp"))) }
                ?.let { mapOf("edd" to it.toString()) }, expect)
            "gestational_age" -> checkKeys(expectOk(expect) {
                gestationalAge(LocalDate.parse(input.getString("lmp")), LocalDate.parse(input.getString("as_of")))
            }?.let { mapOf("weeks" to it.weeks, "days" to it.days, "category" to enumCode(gestationCategory(it))) }, expect)
            "birth_weight" -> checkKeys(expectOk(expect) { birthWeight(input.getInt("grams")) }
                ?.let { mapOf("category" to enumCode(it.category), "below_hmis_line" to it.belowHmisLine) }, expect)
            "fetal_death" -> checkKeys(expectOk(expect) {
                classifyFetalDeath(GestationalAge(input.getInt("weeks"), input.getInt("days")), code(input.getString("timing")))
            }?.let { mapOf("class" to enumCode(it)) }, expect)
            "newborn_death" -> checkKeys(expectOk(expect) {
                newbornDeath(parseTimestamp(input.getString("born")), parseTimestamp(input.getString("died")))
            }?.let { mapOf("completed_days" to it.completedDays, "neonatal" to it.neonatal, "hmis_bin" to it.hmisBin?.let { b -> hmisBins.getValue(b) }) }, expect)
            "maternal_death_window" -> checkKeys(expectOk(expect) {
                inMaternalDeathWindow(LocalDate.parse(input.getString("ended")), LocalDate.parse(input.getString("died")))
            }?.let { mapOf("within" to it) }, expect)
            "classify_pph" -> checkKeys(expectOk(expect) {
                classifyPph(input.getInt("blood_loss_ml"), code(input.getString("mode")), input.getInt("hours_after_birth"),
                    input.getBoolean("vitals_deranged"), policy(input))
            }?.let { mapOf("pph" to it.pph, "severity" to enumCode(it.severity), "major" to it.major, "massive" to it.massive,
                "timing" to enumCode(it.timing)) }, expect)
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
        val position = (e as? RaktException.InvalidCode)?.position
        if (expect.has("error_position")) check("error_position", position, expect.get("error_position"))
        if (expect.has("error_contains")) {
            val want = expect.getString("error_contains")
            // toString() is the core's message (exported Rust Display)
            if (!e.toString().contains(want)) fail<Unit>("error \"$e\" does not contain \"$want\"")
        }
    }

    /** `codes` (exact, in order), `codes_include` and `facts` of [reasons]. */
    private fun checkReasons(reasons: List<Reason>, expect: JSONObject) {
        val codes = reasons.map { it.code }
        if (expect.has("codes")) check("codes", codes, expect.get("codes"))
        expect.optJSONArray("codes_include")?.let { want ->
            for (i in 0 until want.length()) {
                if (want.getString(i) !in codes) fail<Unit>("codes ${show(codes)} lack ${want.getString(i)}")
            }
        }
        checkFacts(reasons, expect.optJSONObject("facts"))
    }

    /** `{code: {fact: value}}`: facts the reason with that code must carry (values as strings). */
    private fun checkFacts(reasons: List<Reason>, want: JSONObject?) {
        if (want == null) return
        for (code in want.keySet()) {
            val reason = reasons.firstOrNull { it.code == code } ?: fail("no reason $code in ${show(reasons.map { it.code })}")
            val facts = want.getJSONObject(code)
            for (name in facts.keySet()) check("$code.facts.$name", reason.facts[name], facts.get(name))
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
        val made = { product(unit.getJSONObject("product")) }
        val at = { parseTimestamp(unit.optString("collected_at")) }
        sameDecision({ computeExpiry(made(), at(), p) }, { decideExpiry(made(), at(), p) }, { it.decision() })
        var e = computeExpiry(made(), at(), p)
        val events = unit.optJSONArray("events") ?: JSONArray()
        for (i in 0 until events.length()) e = redate(e, redating(events.getJSONObject(i)), p)
        return e
    }

    private fun abo(a: Abo): String = if (a == Abo.OH) "Oh" else a.name

    // ---- operations -------------------------------------------------------------------------

    /** Every non-error key of [expect] against [got] (null: an expected error was checked). */
    private fun checkKeys(got: Map<String, Any?>?, expect: JSONObject) {
        if (got == null) return
        for (key in expect.keySet()) {
            if (!key.startsWith("error")) {
                if (!got.containsKey(key)) fail<Unit>("unknown expect key $key")
                check(key, got[key], expect.get(key))
            }
        }
    }

    private fun opErkComponent(input: JSONObject, expect: JSONObject) {
        val c = expectOk(expect) { componentFromCode(input.getInt("code")) } ?: return
        checkKeys(mapOf("code" to componentToCode(c), "name" to eraktkoshComponentName(c)), expect)
    }

    private fun opErkProduct(input: JSONObject, expect: JSONObject) {
        val p = expectOk(expect) { eraktkoshProduct(componentFromCode(input.getInt("code"))) } ?: return
        val want = product(expect.getJSONObject("product"))
        if (p != want) fail<Unit>("product: got $p, want $want")
    }

    private fun opErkForProduct(input: JSONObject, expect: JSONObject) {
        val c = expectOk(expect) { eraktkoshComponentForProduct(product(input.getJSONObject("product"))) } ?: return
        check("code", componentToCode(c), expect.get("code"))
    }

    private fun opErkGroup(input: JSONObject, expect: JSONObject) {
        val code = input.getInt("code")
        val got = expectOk(expect) { bloodGroupFromCode(code) to eraktkoshGroupLabel(code) } ?: return
        checkKeys(mapOf("group" to got.first.toString(), "label" to got.second), expect)
    }

    private fun opErkGroupToCode(input: JSONObject, expect: JSONObject) {
        val code = expectOk(expect) { bloodGroupToCode(group(input.opt("group"))) } ?: return
        check("code", code, expect.get("code"))
    }

    private fun opErkStock(input: JSONObject, expect: JSONObject) {
        val s = expectOk(expect) {
            val entries = input.getJSONArray("units")
            val units = (0 until entries.length()).map {
                val entry = entries.getJSONObject(it)
                CentreUnit(entry.getString("centre"), built(entry.getJSONObject("unit"), null))
            }
            stockSummary(units, parseTimestamp(input.getString("as_of")))
        } ?: return
        val centres = s.centres.map { c ->
            mapOf(
                "centre" to c.centre,
                "components" to c.components.map { k ->
                    mapOf(
                        "code" to k.code, "name" to k.name, "total" to k.total, "availability" to k.availability,
                        "groups" to k.groups.map { listOf(it.code, it.label, it.count) },
                    )
                },
                "uncounted" to c.uncounted.map { mapOf("unit" to it.unit, "code" to it.code) },
            )
        }
        checkKeys(mapOf("centres" to centres), expect)
    }

    private fun kpiJson(k: Kpi): List<Any?> = listOf(k.numerator, k.denominator, k.value?.toPlainString(), k.met)

    private fun kpiList(s: KpiSet) = listOf(s.ctRatio, s.transfusionProbability, s.transfusionIndex, s.discardRate, s.wapi, s.outdateRate)

    private fun kpiSetJson(s: KpiSet): Map<String, Any?> = kpiList(s).associate { enumCode(it.code)!! to kpiJson(it) }

    /** Objects key by key for the keys the case lists; anything else exactly. */
    private fun checkSubset(what: String, got: Any?, want: Any?) {
        if (want is JSONObject) {
            for (key in want.keySet()) checkSubset("$what.$key", (got as? Map<*, *>)?.get(key), want.get(key))
        } else {
            check(what, got, want)
        }
    }

    private fun opKpis(input: JSONObject, expect: JSONObject) {
        val r = expectOk(expect) {
            val p = policy(input)
            val entries = input.getJSONArray("units")
            val units = (0 until entries.length()).map {
                val entry = entries.getJSONObject(it)
                FacilityUnit(entry.getString("facility"), built(entry.getJSONObject("unit"), p))
            }
            kpis(units, parseTimestamp(input.getString("from")), parseTimestamp(input.getString("to")), p)
        } ?: return
        val first = r.facilities.firstOrNull()
        val got = mapOf(
            "facilities" to r.facilities.map { it.facility },
            "kpis" to r.facilities.associate { it.facility to kpiSetJson(it.kpis) },
            "components" to r.facilities.associate { f -> f.facility to f.components.associate { enumCode(it.component)!! to kpiSetJson(it.kpis) } },
            "component_list" to r.facilities.associate { f -> f.facility to f.components.map { enumCode(it.component) } },
            "discard_reasons" to r.facilities.associate { f ->
                f.facility to f.kpis.discardReasons.map { listOf(it.reason, it.kpi.numerator, it.kpi.denominator, it.kpi.value?.toPlainString()) }
            },
            "skipped" to r.facilities.associate { f -> f.facility to f.skipped.map { listOf(it.unit, it.code) } },
            "targets" to first?.let { f ->
                kpiList(f.kpis).associate { k -> enumCode(k.code)!! to k.target?.let { listOf(enumCode(it.comparison), it.value.toPlainString()) } }
            },
        )
        for (key in expect.keySet()) {
            if (key.startsWith("error")) continue
            if (!got.containsKey(key)) fail<Unit>("unknown expect key $key")
            if (key == "kpis" || key == "components") checkSubset(key, got[key], expect.get(key)) else check(key, got[key], expect.get(key))
        }
    }

    // ---- inventory -----------------------------------------------------------------------------

    private fun allocationRequest(v: JSONObject): AllocationRequest {
        val reqs = v.optJSONArray("requirements")?.let { a -> (0 until a.length()).map { enumOf<Modification>(a.getString(it)) } }
        return AllocationRequest(
            patient = v.getString("patient"),
            recipient = recipient(v.getJSONObject("recipient")),
            component = parseComponent(v.getString("component")),
            quantity = v.getInt("quantity"),
            requirements = reqs ?: emptyList(),
            neededBy = if (v.isNull("needed_by")) null else parseTimestamp(v.getString("needed_by")),
            holdUntil = if (v.isNull("hold_until")) null else parseTimestamp(v.getString("hold_until")),
        )
    }

    /** The inventory of `input.units` at facility BC, after `input.steps`. */
    private fun inventoryOf(input: JSONObject): Inventory {
        val p = policy(input)
        val inv = Inventory("BC", p)
        val units = input.getJSONArray("units")
        for (i in 0 until units.length()) inv.add(built(units.getJSONObject(i), p))
        val steps = input.optJSONArray("steps") ?: JSONArray()
        for (i in 0 until steps.length()) {
            val step = steps.getJSONObject(i)
            val at = parseTimestamp(step.getString("at"))
            val req = allocationRequest(step.getJSONObject("reserve"))
            val held = inv.reserve(req, at, step.getString("actor"))
            if (step.optBoolean("issue", false)) inv.issue(held.ids(), req.patient, at, step.getString("actor"))
        }
        return inv
    }

    private fun din(id: String): String = id.substringBefore('/')

    private fun opInvAllocate(input: JSONObject, expect: JSONObject) {
        val a = expectOk(expect) {
            inventoryOf(input).allocate(allocationRequest(input.getJSONObject("request")), parseTimestamp(input.getString("as_of")))
        } ?: return
        for (key in expect.keySet()) {
            when (key) {
                "units" -> check(key, a.units.map { din(it.id) }, expect.get(key))
                "tiers" -> check(key, a.units.map { it.tier }, expect.get(key))
                "shortfall" -> check(key, a.shortfall, expect.get(key))
                "emergency" -> check(key, a.emergency, expect.get(key))
                "unit_codes" -> check(key, a.units.map { it.codes() }, expect.get(key))
                "expires_at" -> {
                    val want = expect.getJSONArray(key)
                    check("expires_at count", a.units.size, want.length())
                    a.units.forEachIndexed { i, u -> checkTime(key, u.expiresAt, want.get(i)) }
                }
                "skipped" -> {
                    val want = expect.getJSONObject(key)
                    for (g in want.keySet()) {
                        val got = a.skipped.firstOrNull { it.group.toString() == g }?.reasons
                        check("skipped $g", got, want.get(g))
                    }
                }
                else -> if (!key.startsWith("error")) fail<Unit>("unknown expect key $key")
            }
        }
    }

    // ---- maternal: high-risk pregnancy and blood readiness ----------------------------------

    private val proteinCodes = mapOf("nil" to UrineProtein.NIL, "trace" to UrineProtein.TRACE, "+" to UrineProtein.PLUS1,
        "++" to UrineProtein.PLUS2, "+++" to UrineProtein.PLUS3, "++++" to UrineProtein.PLUS4)
    private val levelCodes = mapOf(CareLevel.L1 to "l1", CareLevel.L2 to "l2", CareLevel.L3 to "l3",
        CareLevel.DISTRICT_HOSPITAL_HDU to "dh_hdu", CareLevel.MEDICAL_COLLEGE_ICU to "mc_icu")

    private inline fun <reified E : Enum<E>> code(text: String): E =
        enumValues<E>().firstOrNull { it.name.lowercase() == text } ?: bad("not a ${E::class.simpleName}: $text")

    private inline fun <reified E : Enum<E>> codes(a: JSONArray?): List<E> = strings(a).map { code<E>(it) }

    private fun ancRecord(v: JSONObject): AncRecord {
        fun int(k: String): Int? = if (v.has(k)) v.getInt(k) else null
        fun dec(k: String): BigDecimal? = if (v.has(k)) BigDecimal(v.get(k).toString()) else null
        fun day(k: String): LocalDate? = if (v.has(k)) LocalDate.parse(v.getString(k)) else null
        fun str(k: String): String? = if (v.has(k)) v.getString(k) else null
        fun bp(k: String): BloodPressure? = v.optJSONObject(k)?.let { BloodPressure(it.getInt("systolic"), it.getInt("diastolic")) }
        return AncRecord(
            id = str("id"), ageYears = int("age_years"), heightCm = dec("height_cm"), weightKg = dec("weight_kg"),
            gravida = int("gravida"), parity = int("parity"), livingChildren = int("living_children"),
            previousCaesareans = int("previous_caesareans"), previousStillbirths = int("previous_stillbirths"),
            previousAbortions = int("previous_abortions"), previousNeonatalDeaths = int("previous_neonatal_deaths"),
            monthsSinceLastPregnancy = int("months_since_last_pregnancy"), lmp = day("lmp"), edd = day("edd"),
            fetuses = int("fetuses"), presentation = str("presentation")?.let { code<Presentation>(it) },
            hbGDl = dec("hb_g_dl"), haematocritPct = dec("haematocrit_pct"), plateletsPerUl = int("platelets_per_ul"),
            bp = bp("bp"), bpRepeat = bp("bp_repeat"),
            urineProtein = str("urine_protein")?.let { proteinCodes[it] ?: bad("urine_protein $it") },
            ogtt2hMgDl = dec("ogtt_2h_mg_dl"), thyroid = str("thyroid")?.let { code<ThyroidStatus>(it) },
            bloodGroup = str("blood_group")?.let { parseBloodGroup(it) },
            hiv = str("hiv")?.let { code<SerologyResult>(it) }, syphilis = str("syphilis")?.let { code<SerologyResult>(it) },
            hbsag = str("hbsag")?.let { code<SerologyResult>(it) },
            conditions = codes(v.optJSONArray("conditions")), dangerSigns = codes(v.optJSONArray("danger_signs")),
            symptoms = codes(v.optJSONArray("symptoms")), vaginalBleeding = v.optBoolean("vaginal_bleeding", false),
            organSupport = str("organ_support")?.let { code<OrganSupport>(it) },
        )
    }

    /** The decide function gives the explained call's decision, or throws the same exception. */
    private fun <T, D> sameDecision(explain: () -> T, decide: () -> D, decision: (T) -> D) {
        val explained = runCatching(explain)
        val decided = runCatching(decide)
        val e = explained.exceptionOrNull()
        if (e != null) {
            val d = decided.exceptionOrNull()
            assertEquals(e.toString(), d?.toString(), "the decide function refuses as the explained call does")
        } else {
            assertEquals(decision(explained.getOrThrow()), decided.getOrThrow(), "the decide function's decision")
        }
    }

    private fun opAssessPregnancy(input: JSONObject, expect: JSONObject) {
        val asOf = LocalDate.parse(input.getString("as_of"))
        sameDecision(
            { assessPregnancy(ancRecord(input.getJSONObject("record")), asOf, policy(input)) },
            { decidePregnancy(ancRecord(input.getJSONObject("record")), asOf, policy(input)) },
            { it.decision() },
        )
        val a = expectOk(expect) {
            assessPregnancy(ancRecord(input.getJSONObject("record")), asOf, policy(input))
        } ?: return
        for (key in expect.keySet()) {
            when (key) {
                "risk_level" -> check(key, enumCode(a.riskLevel), expect.get(key))
                "codes" -> check(key, a.codes(), expect.get(key))
                "hypertension" -> check(key, enumCode(a.hypertension), expect.get(key))
                "anaemia" -> check(key, enumCode(a.anaemia), expect.get(key))
                "gdm" -> check(key, a.gdm, expect.get(key))
                "not_assessed" -> check(key, a.notAssessed, expect.get(key))
                "referral" -> check(key, listOf(levelCodes[a.referral.level], enumCode(a.referral.urgency)), expect.get(key))
                "blood_plan" -> with(a.bloodPlan) {
                    check(key, listOf(enumCode(tier), enumCode(action), units, enumCode(timing), factors.map { enumCode(it) }), expect.get(key))
                }
                "messages" -> {
                    val want = expect.getJSONObject(key)
                    for (c in want.keySet()) {
                        val f = a.flags.first { it.code == c }
                        check("messages $c", listOf(f.message("en"), f.message("hi")), want.get(c))
                    }
                }
                else -> if (!key.startsWith("error")) fail<Unit>("unknown expect key $key")
            }
        }
    }

    private fun vitals(v: JSONObject): Vitals {
        fun int(k: String): Int? = if (v.has(k)) v.getInt(k) else null
        return Vitals(respiratoryRate = int("respiratory_rate"), spo2 = int("spo2"),
            temperatureC = if (v.has("temperature_c")) BigDecimal(v.get("temperature_c").toString()) else null,
            systolicBp = int("systolic_bp"), diastolicBp = int("diastolic_bp"), heartRate = int("heart_rate"),
            consciousness = if (v.has("consciousness")) code<Avpu>(v.getString("consciousness")) else null)
    }

    private val hmisBins = mapOf(NewbornDeathBin.WITHIN24_HOURS to "within_24_hours", NewbornDeathBin.DAYS1_TO7 to "days_1_to_7",
        NewbornDeathBin.DAYS8_TO28 to "days_8_to_28", NewbornDeathBin.INFANT to "infant")

    private fun opRobson(input: JSONObject, expect: JSONObject) {
        fun int(k: String): Int? = if (input.has(k)) input.getInt(k) else null
        val r = expectOk(expect) {
            robsonGroup(RobsonInput(parity = int("parity"), previousCaesareans = int("previous_caesareans"),
                onset = if (input.has("onset")) code<LabourOnset>(input.getString("onset")) else null,
                fetuses = int("fetuses"),
                presentation = if (input.has("presentation")) code<Presentation>(input.getString("presentation")) else null,
                gestationWeeks = int("gestation_weeks")))
        } ?: return
        when (r) {
            is RobsonResult.Group -> checkKeys(mapOf("group" to r.code), expect)
            is RobsonResult.Unclassified -> checkKeys(mapOf("missing" to r.missing), expect)
        }
    }

    private fun opEarlyWarning(input: JSONObject, expect: JSONObject) {
        sameDecision(
            { earlyWarning(vitals(input.getJSONObject("vitals")), policy(input)) },
            { decideEarlyWarning(vitals(input.getJSONObject("vitals")), policy(input)) },
            { it.decision() },
        )
        val w = expectOk(expect) { earlyWarning(vitals(input.getJSONObject("vitals")), policy(input)) } ?: return
        checkKeys(mapOf("triggered" to w.triggered, "level" to enumCode(w.level),
            "bands" to w.parameters.associate { enumCode(it.parameter) to enumCode(it.band) },
            "reds" to w.reds, "yellows" to w.yellows, "score" to w.score), expect)
    }

    private fun opRedFlags(input: JSONObject, expect: JSONObject) {
        val flags = expectOk(expect) { pphRedFlags(vitals(input.getJSONObject("vitals")), policy(input)) } ?: return
        check("codes", flags.map { it.code }, expect.get("codes"))
        val want = expect.optJSONObject("messages") ?: JSONObject()
        for (c in want.keySet()) {
            val f = flags.first { it.code == c }
            check("messages $c", listOf(f.message("en"), f.message("hi")), want.get(c))
        }
    }

    private fun opBloodReadiness(input: JSONObject, expect: JSONObject) {
        val r = expectOk(expect) {
            val p = policy(input)
            fun stock(name: String, units: JSONArray): Inventory {
                val inv = Inventory(name, p)
                for (i in 0 until units.length()) inv.add(built(units.getJSONObject(i), p))
                return inv
            }
            val facility = stock(input.getString("facility"), input.getJSONArray("units"))
            val near = input.optJSONArray("nearby") ?: JSONArray()
            val nearby = (0 until near.length()).map { near.getJSONObject(it) }.map { stock(it.getString("facility"), it.getJSONArray("units")) }
            val m = input.getJSONObject("mother")
            val mother = Mother(id = m.getString("id"), bloodGroup = if (m.has("blood_group")) parseBloodGroup(m.getString("blood_group")) else null,
                ageYears = if (m.has("age_years")) m.getInt("age_years") else null)
            val pd = input.getJSONObject("plan")
            val plan = bloodPlanCrossmatch(maxOf(pd.optInt("units", 0), 1)).copy(
                action = code(pd.getString("action")), units = pd.optInt("units", 0))
            bloodReadiness(mother, plan, facility, LocalDate.parse(input.getString("due_date")), parseTimestamp(input.getString("as_of")), nearby)
        } ?: return
        for (key in expect.keySet()) {
            when (key) {
                "units" -> check(key, r.units.map { din(it.id) }, expect.get(key))
                "missing" -> check(key, r.missing, expect.get(key))
                "uncovered" -> check(key, r.uncovered, expect.get(key))
                "ready" -> check(key, r.ready, expect.get(key))
                "required" -> check(key, r.required, expect.get(key))
                "emergency" -> check(key, r.emergency, expect.get(key))
                "needed_by" -> checkTime(key, r.neededBy, expect.get(key))
                "suggested" -> check(key, r.suggestedReservation?.quantity, expect.get(key))
                "nearby" -> check(key, r.nearby.map { n -> listOf(n.facility, n.units.map { din(it.id) }) }, expect.get(key))
                "shortfall" -> {
                    val want = expect.getJSONObject(key)
                    for (g in want.keySet()) check("shortfall $g", r.shortfall.firstOrNull { it.group.toString() == g }?.reasons, want.get(g))
                }
                else -> if (!key.startsWith("error")) fail<Unit>("unknown expect key $key")
            }
        }
    }

    private fun opInvStorageCentre(input: JSONObject, expect: JSONObject) {
        val c = expectOk(expect) { inventoryOf(input).storageCentreCheck(parseTimestamp(input.getString("as_of"))) } ?: return
        checkKeys(mapOf("met" to c.met, "gaps" to c.gaps.map { listOf(it.group.toString(), it.required, it.onHand, it.missing) }), expect)
    }

    private fun opInvDaysOfStock(input: JSONObject, expect: JSONObject) {
        val rows = expectOk(expect) {
            inventoryOf(input).daysOfStock(parseTimestamp(input.getString("as_of")), input.getInt("window_days"))
        } ?: return
        val got = rows.map {
            listOf(enumCode(it.component), it.group.toString(), it.onHand, it.issued, it.averageDailyIssues.toPlainString(), it.days?.toPlainString())
        }
        checkKeys(mapOf("rows" to got), expect)
    }

    private fun opInvTransfer(input: JSONObject, expect: JSONObject) {
        val o = expectOk(expect) {
            val hub = inventoryOf(input)
            val toPolicy = policy(JSONObject().put("policy", input.opt("to_policy") ?: JSONObject.NULL))
            val to = Inventory(input.getString("to"), toPolicy)
            val ids = input.getJSONArray("ids").let { a -> (0 until a.length()).map { a.getString(it) } }
            hub.transfer(
                ids, to, parseTimestamp(input.getString("dispatched_at")),
                BigDecimal(input.getString("min_celsius")), BigDecimal(input.getString("max_celsius")),
                parseTimestamp(input.getString("at")), "driver",
            )
        } ?: return
        checkKeys(mapOf("received" to o.received.map { din(it) }, "discarded" to o.discarded.map { din(it) }), expect)
    }

    private fun enumCode(e: Enum<*>?): String? = e?.name?.lowercase()

    private fun strings(a: JSONArray?): List<String> = a?.let { (0 until it.length()).map { i -> it.getString(i) } } ?: emptyList()

    /** A centre tariff from its JSON fields (tests/vectors/README.md, processing charges). */
    private fun centreTariff(v: JSONObject): CentreTariff {
        val prices = v.getJSONObject("prices")
        val exemptions = v.optJSONArray("exemptions") ?: JSONArray()
        return CentreTariff(
            centre = v.getString("centre"),
            sector = enumOf<Sector>(v.getString("sector")),
            effectiveFrom = day(v.get("effective_from")),
            prices = prices.keySet().associate { enumOf<TariffItem>(it) to BigDecimal(prices.getString(it)) },
            exemptions = (0 until exemptions.length()).map {
                val e = exemptions.getJSONObject(it)
                CentreExemption(
                    code = e.getString("code"),
                    description = e.getString("description"),
                    percent = BigDecimal(e.getString("percent")),
                    items = strings(e.optJSONArray("items")).map { item -> enumOf<TariffItem>(item) },
                )
            },
        )
    }

    private fun opTariffCeiling(input: JSONObject, expect: JSONObject) {
        val got = expectOk(expect) {
            val schedule = scheduleOn(day(input.get("date")))
            val ceiling = scheduleCeiling(schedule, enumOf<TariffItem>(input.getString("item")), enumOf<Sector>(input.getString("sector")))
            mapOf("schedule" to schedule.id, "amount" to ceiling?.amount?.toPlainString())
        }
        checkKeys(got, expect)
    }

    private fun opTariffBill(input: JSONObject, expect: JSONObject) {
        val b = expectOk(expect) {
            val lines = input.getJSONArray("lines")
            bill(
                centreTariff(input.getJSONObject("tariff")),
                (0 until lines.length()).map {
                    val line = lines.getJSONArray(it)
                    BillItem(enumOf<TariffItem>(line.getString(0)), BigDecimal(line.getString(1)))
                },
                strings(input.optJSONArray("statutory")).map { enumOf<StatutoryExemption>(it) },
                strings(input.optJSONArray("centre_exemptions")),
                day(input.get("date")),
            )
        } ?: return
        checkKeys(
            mapOf(
                "lines" to b.lines.map { listOf(it.gross.toPlainString(), it.waived.toPlainString(), it.net.toPlainString(), it.exemption) },
                "gross_total" to b.grossTotal.toPlainString(),
                "waived_total" to b.waivedTotal.toPlainString(),
                "total" to b.total.toPlainString(),
            ),
            expect,
        )
    }

    private fun groupMap(g: BloodGroupCode): Map<String, Any?> = mapOf(
        "code" to g.code,
        "kind" to g.kind,
        "label_group" to g.labelGroup,
        "rhd" to g.rhd,
        "intended_use" to g.intendedUse,
        "donation_type" to enumCode(g.donationType),
        "pooled_or_subgroup" to g.pooledOrSubgroup,
        "special_message" to g.specialMessage,
        "implied_status" to enumCode(g.impliedStatus),
        "blood_group" to g.bloodGroup?.notation(),
        "rh_kell" to g.rhKell,
        "rh_phenotype" to g.rhPhenotype,
        "kell" to g.kell,
        "mia_mur_positive" to g.miaMurPositive,
        "see_special_testing" to g.seeSpecialTesting,
        "encoded" to g.encoded,
    )

    private fun productMap(p: ProductCode): Map<String, Any?> = mapOf(
        "description_code" to p.descriptionCode,
        "family" to p.family,
        "collection_type" to p.collectionType,
        "donation_type" to enumCode(p.donationType),
        "division" to p.division,
        "pack_code" to p.packCode,
        "encoded" to p.encoded,
    )

    private fun dateMap(d: IsbtDate): Map<String, Any?> = mapOf(
        "kind" to d.kind,
        "structure" to d.structure,
        "date" to d.date.toString(),
        "time" to d.time?.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")),
        "datetime" to d.datetime.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")),
        "encoded" to d.encoded,
    )

    private fun opIsbtEncodeGroup(input: JSONObject, expect: JSONObject) {
        val got = expectOk(expect) {
            encodeBloodGroup(group(input.get("group")), input.optString("intended_use", "default"), input.optString("rh_kell", "0"))
        }
        checkKeys(got?.let { groupMap(it) }, expect)
    }

    private fun opIsbtEncodeDate(input: JSONObject, expect: JSONObject) {
        val got = expectOk(expect) {
            val kind = input.getString("kind")
            if (input.has("date")) encodeDate(kind, LocalDate.parse(input.getString("date")))
            else encodeDatetime(kind, parseTimestamp(input.getString("at")))
        }
        checkKeys(got?.let { dateMap(it) }, expect)
    }

    private fun opIsbtScan(input: JSONObject, expect: JSONObject) {
        val items = expectOk(expect) { parseScan(input.getString("text")) } ?: return
        val wanted = expect.getJSONArray("structures")
        val got = items.mapIndexed { i, s ->
            val item = mutableMapOf<String, Any?>(
                "offset" to s.offset, "kind" to s.kind, "encoded" to s.encoded, "number" to s.number,
            )
            // The decoded elements are compared where the vector gives them.
            if (i < wanted.length() && wanted.getJSONObject(i).has("fields")) item["fields"] = s.fields
            item
        }
        check("structures", got, wanted)
    }

    private fun opIsbtLabel(input: JSONObject, expect: JSONObject) {
        val got = expectOk(expect) {
            val table = ProductTable.fromToml(input.getString("table"))
            val label = labelFromScan(input.getString("scan"))
            val details = LabelDetails(
                offset = java.time.ZoneOffset.of(input.getString("offset")),
                volumeMl = input.getLong("volume_ml"),
                collectedAt = if (input.has("collected_at")) parseTimestamp(input.getString("collected_at")) else null,
            )
            val unit = labelToUnit(label, table, details, "tech")
            unit to labelFromUnit(unit, table)
        } ?: return
        val (unit, back) = got
        val values = mapOf(
            "id" to unit.id(),
            "group" to unit.group().toString(),
            "donation_type" to enumCode(unit.donationType()),
            "status" to enumCode(unit.status()),
            "label" to back.encoded,
        )
        for (key in expect.keySet()) {
            when {
                key == "expires_at" -> checkTime(key, unit.expiry().expiresAt, expect.get(key))
                key == "collected_at" -> checkTime(key, unit.collectedAt(), expect.get(key))
                key.startsWith("error") -> {}
                else -> {
                    if (!values.containsKey(key)) fail<Unit>("unknown expect key $key")
                    check(key, values[key], expect.get(key))
                }
            }
        }
    }

    private fun opIsbtCheck(input: JSONObject, expect: JSONObject) {
        val din13 = input.getString("din13")
        val got = expectOk(expect) { checkCharacter(din13) to type3Flag(din13) } ?: return
        if (expect.has("check_character")) check("check_character", got.first, expect.get("check_character"))
        if (expect.has("type3_flag")) check("type3_flag", got.second, expect.get("type3_flag"))
    }

    private fun opIsbtDin(input: JSONObject, expect: JSONObject) {
        val d = expectOk(expect) { parseDin(input.getString("text")) } ?: return
        val got = mapOf(
            "din13" to d.din13,
            "facility" to d.facility,
            "year" to d.year,
            "sequence" to d.sequence,
            "flags" to d.flags,
            "flag_kind" to d.flagKind,
            "check_character" to d.checkCharacter,
            "barcode" to d.barcode,
            "eye_readable" to d.eyeReadable,
        )
        checkKeys(got, expect)
    }

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
        sameDecision(
            {
                compatibility(parseComponent(input.optString("component")), group(input.opt("donor")),
                    recipient(input.getJSONObject("recipient")), policy(input))
            },
            {
                decideCompatibility(parseComponent(input.optString("component")), group(input.opt("donor")),
                    recipient(input.getJSONObject("recipient")), policy(input))
            },
            { it.decision() },
        )
        val v = expectOk(expect) {
            val c = parseComponent(input.optString("component"))
            val donor = group(input.opt("donor"))
            val r = recipient(input.getJSONObject("recipient"))
            compatibility(c, donor, r, policy(input))
        } ?: return
        if (expect.has("compatible")) check("compatible", v.compatible, expect.get("compatible"))
        if (expect.has("rank")) check("rank", v.rank.name.lowercase(), expect.get("rank"))
        if (expect.has("emergency")) check("emergency", v.emergency, expect.get("emergency"))
        checkReasons(v.reasons, expect)
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

    // ---- donors -----------------------------------------------------------------------------

    /** The stable code of an enum value of the bindings: its Kotlin name in lower case. */
    private fun code(e: Enum<*>): String = e.name.lowercase()

    private fun day(v: Any?): LocalDate = LocalDate.parse(v as? String ?: bad("not a date: $v"))

    private fun decimal(v: Any?): BigDecimal = when (v) {
        is String -> BigDecimal(v)
        is Number -> BigDecimal(v.toString())
        else -> bad("not a decimal: $v")
    }

    private fun <T> list(array: JSONArray?, item: (Int) -> T): List<T> =
        if (array == null) emptyList() else (0 until array.length()).map(item)

    private fun donor(v: JSONObject): Donor = Donor(
        dateOfBirth = day(v.opt("date_of_birth")),
        sex = enumOf<Sex>(v.optString("sex")),
        firstTime = if (v.isNull("first_time")) null else v.getBoolean("first_time"),
        previousDonations = v.optJSONArray("previous_donations").let { a ->
            list(a) { i ->
                val p = a!!.getJSONObject(i)
                PreviousDonation(day(p.opt("date")), enumOf<DonationKind>(p.optString("kind")), p.optBoolean("red_cells_returned", true))
            }
        },
        deferralEvents = v.optJSONArray("deferral_events").let { a ->
            list(a) { i ->
                val e = a!!.getJSONObject(i)
                DeferralEvent(enumOf<DeferralKind>(e.optString("kind")), day(e.opt("date")), optionalEnum<TtiMarker>(e, "marker"))
            }
        },
        conditions = v.optJSONArray("conditions").let { a -> list(a) { enumOf<Condition>(a!!.getString(it)) } },
        id = if (v.isNull("id")) null else v.getString("id"),
    )

    private fun checks(v: JSONObject): DonorChecks = DonorChecks(
        weightKg = decimal(v.opt("weight_kg")),
        hbGDl = decimal(v.opt("hb_g_dl")),
        systolicMmhg = v.getInt("systolic_mmhg"),
        diastolicMmhg = v.getInt("diastolic_mmhg"),
        pulseBpm = v.getInt("pulse_bpm"),
        temperatureC = decimal(v.opt("temperature_c")),
        states = v.optJSONArray("states").let { a -> list(a) { enumOf<DonorState>(a!!.getString(it)) } },
    )

    private fun opAssessDonor(input: JSONObject, expect: JSONObject) {
        val kind = enumOf<DonationKind>(input.optString("kind"))
        sameDecision(
            { assessDonor(donor(input.getJSONObject("donor")), checks(input.getJSONObject("checks")), kind, day(input.opt("as_of")), policy(input)) },
            { decideDonor(donor(input.getJSONObject("donor")), checks(input.getJSONObject("checks")), kind, day(input.opt("as_of")), policy(input)) },
            { it.decision() },
        )
        val a = expectOk(expect) {
            assessDonor(
                donor(input.getJSONObject("donor")),
                checks(input.getJSONObject("checks")),
                enumOf<DonationKind>(input.optString("kind")),
                day(input.opt("as_of")),
                policy(input),
            )
        } ?: return
        val got = mapOf(
            "eligible" to a.eligible,
            "permanent" to a.permanent,
            "referred" to a.referred,
            "deferred_until" to a.deferredUntil?.toString(),
            "next_eligible" to a.nextEligible?.toString(),
        )
        for ((key, value) in got) if (expect.has(key)) check(key, value, expect.get(key))
        checkReasons(a.reasons, expect)
    }

    // ---- units and screening ----------------------------------------------------------------

    private fun optString(v: JSONObject, key: String): String? = if (v.isNull(key)) null else v.getString(key)

    private fun collection(v: JSONObject): Collection = Collection(
        din = v.optString("din"),
        product = product(v.getJSONObject("product")),
        group = group(v.opt("group")),
        volumeMl = v.getLong("volume_ml"),
        donationType = enumOf<DonationType>(v.optString("donation_type")),
        collectedAt = parseTimestamp(v.optString("collected_at")),
        division = optString(v, "division"),
        donorId = optString(v, "donor_id"),
        firstDonation = v.optBoolean("first_donation", false),
    )

    private val discardReasons = mapOf(
        "expired" to DiscardReason.Expired,
        "tti_reactive" to DiscardReason.TtiReactive,
        "under_collected" to DiscardReason.UnderCollected,
        "leakage" to DiscardReason.Leakage,
        "haemolysed" to DiscardReason.Haemolysed,
        "lipaemic" to DiscardReason.Lipaemic,
        "clotted" to DiscardReason.Clotted,
        "cold_chain_break" to DiscardReason.ColdChainBreak,
        "returned_too_late" to DiscardReason.ReturnedTooLate,
    )

    private fun discardReason(v: Any?): DiscardReason = when (v) {
        is String -> discardReasons[v] ?: bad("unknown discard reason \"$v\"")
        is JSONObject -> DiscardReason.Other(v.getString("other"))
        else -> bad("discard reason must be a code or {\"other\": text}")
    }

    /** The JSON form of a discard reason: its code, or {"other": text}. */
    private fun discardJson(r: DiscardReason?): Any? = when (r) {
        null -> null
        is DiscardReason.Other -> mapOf("other" to r.text)
        else -> discardReasons.entries.first { it.value == r }.key
    }

    private fun unitId(v: JSONObject): String = v.getString("din") + (optString(v, "division")?.let { "/$it" } ?: "")

    private fun eventKind(k: JSONObject): EventKind {
        val group = { key: String -> if (k.isNull(key)) null else group(k.get(key)) }
        return when (val type = k.optString("type")) {
            "collected" -> EventKind.Collected
            "quarantine" -> EventKind.Quarantine
            "record_test" -> EventKind.RecordTest(enumOf(k.optString("marker")), enumOf(k.optString("result")))
            "record_repeat" -> EventKind.RecordRepeat(enumOf(k.optString("marker")), enumOf(k.optString("first")), enumOf(k.optString("second")))
            "record_grouping" -> EventKind.RecordGrouping(group("forward"), optionalEnum<Abo>(k, "reverse"), group("historical"))
            "release" -> EventKind.Release
            "reserve" -> EventKind.Reserve(k.optString("patient"), parseTimestamp(k.optString("until")))
            "crossmatch" -> EventKind.Crossmatch(k.optString("patient"), parseTimestamp(k.optString("until")))
            "cancel_reservation" -> EventKind.CancelReservation
            "issue" -> EventKind.Issue(k.optString("patient"))
            "transfuse" -> EventKind.Transfuse
            "transfuse_with_reaction" -> EventKind.TransfuseWithReaction(k.optString("details"))
            "return" -> EventKind.Return(
                minutesOutOfStorage = if (k.isNull("minutes_out_of_storage")) null else k.getInt("minutes_out_of_storage"),
                keepForPatient = k.optBoolean("keep_for_patient", false),
            )
            "discard" -> EventKind.Discard(discardReason(k.opt("reason")))
            "send_for_fractionation" -> EventKind.SendForFractionation
            "irradiate" -> EventKind.Irradiate
            "wash" -> EventKind.Wash
            "open" -> EventKind.Open
            "thaw" -> EventKind.Thaw(enumOf(k.optString("storage")))
            "split_into" -> EventKind.SplitInto(list(k.optJSONArray("children")) { unitId(k.getJSONArray("children").getJSONObject(it)) })
            "split_from" -> EventKind.SplitFrom(unitId(k.getJSONObject("parent")))
            "pooled_into" -> EventKind.PooledInto(unitId(k.getJSONObject("pool")))
            "pooled_from" -> EventKind.PooledFrom(list(k.optJSONArray("constituents")) { unitId(k.getJSONArray("constituents").getJSONObject(it)) })
            else -> bad("unknown event type \"$type\"")
        }
    }

    private fun event(v: JSONObject): UnitEvent =
        UnitEvent(parseTimestamp(v.optString("at")), v.optString("actor"), eventKind(v.getJSONObject("kind")))

    /**
     * Collect (actor "tech"), then apply the events in order: the unit before the first refused
     * event, and that refusal. A refused collection throws.
     */
    private fun build(v: JSONObject, p: Policy?): Pair<BloodUnit, RaktException?> {
        var unit = BloodUnit.collect(collection(v.getJSONObject("collection")), "tech", p)
        val events = v.optJSONArray("events") ?: JSONArray()
        for (i in 0 until events.length()) {
            try {
                unit = unit.apply(event(events.getJSONObject(i)), p)
            } catch (e: RaktException) {
                return unit to e
            }
        }
        return unit to null
    }

    private fun built(v: JSONObject, p: Policy?): BloodUnit {
        val (unit, error) = build(v, p)
        if (error != null) throw error
        return unit
    }

    private fun opUnitEvents(input: JSONObject, expect: JSONObject) {
        val (unit, error) = try {
            build(input, policy(input))
        } catch (e: RaktException) {
            checkError(e, expect) // a refused collection
            return
        }
        when {
            error != null -> checkError(error, expect)
            expect.has("error") -> fail<Unit>("expected error ${expect.get("error")}, got success")
        }
        val got = mapOf(
            "status" to { code(unit.status()) },
            "history_len" to { unit.history().size },
            "discard_reason" to { discardJson(unit.discardReason()) },
            "reservation_patient" to { unit.reservation()?.patient },
            "modifications" to { unit.product().modifications.map { code(it) } },
            "event_codes" to { unit.history().last().reasons.map { it.code } },
            "status_at" to { code(unit.statusAt(parseTimestamp(input.optString("as_of")))) },
        )
        for ((key, value) in got) if (expect.has(key)) check(key, value(), expect.get(key))
        if (expect.has("expires_at")) checkTime("expires_at", unit.expiry().expiresAt, expect.get("expires_at"))
        checkFacts(unit.history().last().reasons, expect.optJSONObject("event_facts"))
    }

    private fun opFhirExport(input: JSONObject, expect: JSONObject) {
        val text = expectOk(expect) {
            val p = policy(input)
            unitToBiologicallyDerivedProduct(built(input, p), parseTimestamp(input.optString("as_of")), optString(input, "product_table"), p)
        } ?: return
        check("resource", JSONObject(text), expect.get("resource"))
    }

    /** A product as the core's JSON: component, then preservative or platelet source, then modifications. */
    private fun productJson(p: Product): Map<String, Any> = buildMap {
        put("component", code(p.component))
        p.preservative?.let { put("preservative", code(it)) }
        p.plateletSource?.let { put("platelet_source", code(it)) }
        if (p.modifications.isNotEmpty()) put("modifications", p.modifications.map { code(it) })
    }

    private fun opFhirImport(input: JSONObject, expect: JSONObject) {
        val unit = expectOk(expect) {
            unitFromBiologicallyDerivedProduct(
                input.get("resource").toString(),
                parseTimestamp(input.optString("as_of")),
                optString(input, "product_table"),
                policy(input),
            )
        } ?: return
        val got = mapOf(
            "id" to { unit.id() },
            "group" to { unit.group().notation() },
            "product" to { productJson(unit.product()) },
            "status" to { code(unit.status()) },
            "donation_type" to { code(unit.donationType()) },
            "volume_ml" to { unit.volumeMl() },
            "history_len" to { unit.history().size },
            "discard_reason" to { discardJson(unit.discardReason()) },
            "last_event_codes" to { unit.history().last().reasons.map { it.code } },
        )
        for ((key, value) in got) if (expect.has(key)) check(key, value(), expect.get(key))
        if (expect.has("expires_at")) checkTime("expires_at", unit.expiry().expiresAt, expect.get("expires_at"))
        if (expect.has("collected_at")) checkTime("collected_at", unit.collectedAt(), expect.get("collected_at"))
    }

    private fun opReleaseVerdict(input: JSONObject, expect: JSONObject) {
        val v = expectOk(expect) {
            val p = policy(input)
            screeningRelease(built(input, p), parseTimestamp(input.optString("as_of")), p)
        } ?: return
        if (expect.has("releasable")) check("releasable", v.releasable, expect.get("releasable"))
        checkReasons(v.reasons, expect)
    }

    private fun opUnitHl7(input: JSONObject, expect: JSONObject) {
        if (input.has("status")) {
            check("code", unitStatusToHl7(enumOf<UnitStatus>(input.getString("status"))), expect.opt("code"))
            return
        }
        val s = expectOk(expect) { unitStatusFromHl7(input.optString("code")) } ?: return
        check("status", code(s), expect.opt("status"))
    }

    private fun opHandleReactive(input: JSONObject, expect: JSONObject) {
        val out = expectOk(expect) {
            val p = policy(input)
            val unit = built(input.getJSONObject("unit"), p)
            val stockJson = input.optJSONArray("stock")
            val stock = list(stockJson) { built(stockJson!!.getJSONObject(it), p) }
            handleReactive(unit, stock, parseTimestamp(input.optString("at")), "tech", p)
        } ?: return
        val r = out.referral
        val got = mapOf(
            "discarded" to out.discarded.map { it.id() },
            "not_discarded" to out.notDiscarded.map { it.unit },
            "lookback" to out.lookback.map { it.unit },
            "markers" to r.markers.map { code(it) },
            "referral_date" to r.date.toString(),
            "deferral_markers" to r.deferralEvents.map { e -> e.marker?.let { code(it) } },
            "donor_id" to r.donorId,
        )
        for ((key, value) in got) if (expect.has(key)) check(key, value, expect.get(key))
        if (expect.has("discard_reason")) {
            for (u in out.discarded) check("discard_reason", discardJson(u.discardReason()), expect.get("discard_reason"))
        }
    }

    private fun opSplitUnit(input: JSONObject, expect: JSONObject) {
        val split = expectOk(expect) {
            val volumes = input.getJSONArray("volumes_ml")
            built(input, policy(input)).split(list(volumes) { volumes.getLong(it) }, parseTimestamp(input.optString("at")), "tech")
        } ?: return
        if (expect.has("parent_status")) check("parent_status", code(split.parent.status()), expect.get("parent_status"))
        if (expect.has("children")) check("children", split.children.map { it.id() }, expect.get("children"))
        if (expect.has("volumes")) check("volumes", split.children.map { it.volumeMl() }, expect.get("volumes"))
        for (c in split.children) {
            if (expect.has("child_status")) check("child_status", code(c.status()), expect.get("child_status"))
            if (expect.has("child_expires_at")) checkTime("child_expires_at", c.expiry().expiresAt, expect.get("child_expires_at"))
        }
    }

    private fun opPoolUnits(input: JSONObject, expect: JSONObject) {
        val out = expectOk(expect) {
            val p = policy(input)
            val units = input.optJSONArray("units")
            poolUnits(list(units) { built(units!!.getJSONObject(it), p) }, input.optString("pool_din"), parseTimestamp(input.optString("at")), "tech", p)
        } ?: return
        if (expect.has("pool_status")) check("pool_status", code(out.pool.status()), expect.get("pool_status"))
        if (expect.has("constituent_status")) {
            for (c in out.constituents) check("constituent_status", code(c.status()), expect.get("constituent_status"))
        }
        if (expect.has("volume_ml")) check("volume_ml", out.pool.volumeMl(), expect.get("volume_ml"))
        if (expect.has("expires_at")) checkTime("expires_at", out.pool.expiry().expiresAt, expect.get("expires_at"))
        if (expect.has("parents")) check("parents", out.pool.parents(), expect.get("parents"))
    }

    /** The runner itself on deliberately right and wrong cases (issue 17: test honesty). */
    @org.junit.jupiter.api.Test
    fun theRunnerComparesOnlyTheGivenKeysAndFailsCleanly() {
        val check = { expect: String ->
            JSONObject("""{"op": "isbt128_check_character", "input": {"din13": "G123417654321"}, "expect": $expect}""")
        }
        runCase(check("""{"check_character": "A"}""")) // type3_flag left out: not compared
        org.junit.jupiter.api.assertThrows<AssertionFailedError> { runCase(check("""{"check_character": "B"}""")) }
        val scan = JSONObject("""{"op": "isbt128_parse_scan", "input": {"text": "=A99992112345600"}, "expect": {"error": "InvalidCode"}}""")
        val e = org.junit.jupiter.api.assertThrows<AssertionFailedError> { runCase(scan) }
        org.junit.jupiter.api.Assertions.assertTrue(e.message!!.contains("got success"), e.message)
    }
}
