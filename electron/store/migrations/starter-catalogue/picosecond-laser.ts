import type { StarterProcedure } from './types';

/** 皮秒雷射 — starter explanation sheet (frozen with migration 0040). */
export const picosecondLaser: StarterProcedure = {
  code: 'picosecond_laser',
  nameZh: '皮秒雷射',
  nameEn: 'Picosecond laser',
  category: 'energy_device',
  anaesthesia: 'topical',
  witnessRequired: false,
  coolingOffDays: 1,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問疼痛、紅腫、水泡或結痂情形與膚色變化，有無眼睛不適' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：痂皮脫落、防曬與保養、反黑早期徵兆，回答照護問題' },
  ],
  templates: {
    'zh-TW': {
      title: '皮秒雷射治療說明書',
      purpose: `皮秒雷射以極短的脈衝（兆分之一秒等級）傳遞雷射能量，將皮膚中的色素顆粒（黑色素或刺青墨水）擊碎成更細小的微粒，再由身體的免疫細胞逐步代謝清除。常見用途包括：雀斑、曬斑（老人斑）、太田母斑、顴骨母斑等色素問題，刺青去除，以及使用特殊聚焦鏡頭改善膚質、毛孔與淺層痘疤。肝斑有時也會以低能量方式輔助治療，但肝斑容易復發或反黑，治療須格外保守。

本療程屬於改善外觀的美容醫療，並非治療疾病所必需。是否治療、治療範圍與次數，都由您在充分了解後自行決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 評估與拍照：醫師會先判斷您的斑點種類（不同色素問題的治療方式與次數差異很大），必要時使用皮膚鏡或影像分析，並拍攝治療前照片。斑點或痣若有可疑變化，會先建議皮膚科評估，不會直接以雷射處理。
2. 清潔與麻醉：卸妝清潔後，依治療範圍塗抹表面麻醉藥膏約 30–45 分鐘。
3. 眼睛保護：治療全程您需配戴專用護目鏡或眼罩，請勿自行取下或睜眼直視雷射光；醫護人員也會配戴對應波長的護目鏡。
4. 治療：醫師依部位與目的設定波長、能量與光斑大小，以探頭在皮膚上擊發雷射。感覺像橡皮筋彈打或刺熱感，並伴隨啪啪聲響。全臉約 10–20 分鐘，刺青依面積而定。
5. 鎮定與保護：治療後冰敷或冷卻鎮定，依需要塗抹修護藥膏，並擦上防曬。

使用的機型、波長、能量參數與治療範圍會記錄於病歷，作為下次治療的依據。`,
      expectedResult: `效果依問題種類而有很大差異：
• 雀斑、曬斑等表淺色素：常在 1–3 次治療後明顯淡化；治療後數天斑點會先變深、形成細小痂皮，脫落後才變淡。
• 太田母斑等真皮層色素：通常需要多次治療（常見 4–8 次以上），每次間隔約 2–3 個月，逐步淡化。
• 刺青：依顏色、深度與墨水種類，常需 5–10 次以上；部分顏色與墨水較難清除，可能無法完全去除。
• 膚質、毛孔、淺層痘疤：改善漸進且溫和，通常需要 3–5 次以上的療程。
• 肝斑：只能淡化與控制，無法根治，停止治療或日曬後容易復發。

一般療程間隔約 4–8 週（真皮色素與刺青間隔較長）。色素去除後，若未做好防曬，新的斑點仍會繼續產生。`,
      recoveryTimeline: `• 當天：治療部位泛紅、微腫、有熱感；色素處可能立即呈灰白色或變深，刺青部位可能有點狀出血。
• 第 1–3 天：紅腫逐漸消退，斑點顏色變深，部分形成細小痂皮。
• 第 5–10 天：痂皮自行脫落，露出粉紅色的新皮膚；改善膚質的低能量模式通常幾乎不結痂，只有短暫泛紅。
• 第 2–8 週：若發生反黑（發炎後色素沉澱），最常在這段期間出現，需持續防曬與保養，多數在數個月內逐漸淡化。
• 刺青部位：可能起水泡、結痂，約 1–2 週癒合。`,
      limitations: `• 多數色素問題需要多次治療，且無法保證完全清除；真皮色素與刺青的療程可能長達一年以上。
• 肝斑是慢性、受荷爾蒙與日曬影響的問題，雷射只能輔助控制，治療後可能復發甚至變得更深。
• 亞洲人的膚色較容易反黑；治療期間與之後需要嚴格防曬，否則效果會打折扣，反黑機會也會增加。
• 皮秒雷射對深層凹疤、明顯鬆弛與皺紋的改善有限。
• 淺色刺青（如部分紋眉、紋唇、膚色或白色墨水）可能在雷射後變黑，需先小範圍測試。
• 斑點或痣若有可疑惡性特徵（形狀不規則、顏色不均、快速變大、出血），必須先排除皮膚癌，不能直接以雷射去除。`,
      risks: [
        { id: 'redness_swelling', text: '紅腫、熱感與刺痛：治療後常見，多在數小時至 2–3 天內消退。', frequency: 'common', severity: 'mild' },
        { id: 'post_inflammatory_hyperpigmentation', text: '發炎後色素沉澱（反黑）：治療後 2–8 週治療部位顏色變深，亞洲人膚色較常見；日曬、摩擦或刺激性保養會增加風險。多數在 3–6 個月內逐漸淡化，少數需要更久，可能需要外用淡斑藥物或暫停、調整雷射治療。', frequency: 'common', severity: 'moderate' },
        { id: 'incomplete_clearance', text: '清除不完全、需要多次治療：部分色素或刺青顏色無法完全清除，可能殘留淡影，或需要比預期更多的治療次數與費用。', frequency: 'common', severity: 'mild' },
        { id: 'blistering_crusting', text: '水泡、較厚的結痂：較常見於刺青去除或較高能量的治療；請勿自行弄破或摳除，以免感染或留下疤痕。', frequency: 'uncommon', severity: 'mild' },
        { id: 'purpura', text: '點狀出血或紫斑：多見於刺青或較高能量治療，約 1–2 週內消退。', frequency: 'uncommon', severity: 'mild' },
        { id: 'hypopigmentation', text: '色素脫失（變白）：治療部位顏色比周圍淡，可能出現在多次、密集的治療之後；部分會逐漸恢復，少數為長期或永久。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'melasma_rebound', text: '肝斑惡化或反彈：合併肝斑者治療後可能先改善後復發，或顏色比治療前更深、範圍更大，需要以藥物與較保守的方式長期控制。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'tattoo_darkening', text: '刺青變色：含氧化鐵或二氧化鈦的淺色墨水（常見於紋眉、紋唇、膚色或白色刺青）可能在雷射後變黑或變色，且可能更難清除。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'infection', text: '感染：傷口照護不當時可能發生細菌感染；曾有皰疹病史者，口周治療可能誘發皰疹復發，需要藥物治療。', frequency: 'rare', severity: 'moderate' },
        { id: 'scarring', text: '疤痕或皮膚質地改變：少見，多與水泡破損、感染、摳抓或能量過高有關；蟹足腫或肥厚性疤痕體質者風險較高，疤痕可能為永久性。', frequency: 'rare', severity: 'moderate' },
        { id: 'eye_injury', text: '眼睛傷害：雷射光若直接或經反射進入眼睛，可能造成視網膜永久損傷，甚至失明。治療全程必須配戴護目鏡，眼周治療需特別防護；在正確防護下極為罕見。治療後若有眼睛疼痛、視力模糊或視野出現黑點，請立即就醫。', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受治療：多數色素問題不影響健康，選擇不治療是完全合理的決定；但斑點或痣若出現可疑變化，仍應就醫排除皮膚癌。' },
        { id: 'topical_agents', text: '外用藥物與保養：如 hydroquinone、A 酸、杜鵑花酸（azelaic acid）、維生素 C 等淡斑成分，配合嚴格防曬，對肝斑與表淺色素有一定效果，需要持續使用數個月。' },
        { id: 'oral_tranexamic_acid', text: '口服傳明酸（tranexamic acid）：常用於輔助治療肝斑，需由醫師評估血栓風險等禁忌後使用，停藥後可能復發。' },
        { id: 'other_lasers', text: '其他雷射或光療：如奈秒級 Q 開關雷射、脈衝光（IPL）、飛梭雷射等，適應症、治療次數與恢復期各不相同。' },
        { id: 'chemical_peel', text: '化學換膚（如果酸、杏仁酸）：可改善表淺色素與膚質，需要多次治療，同樣有反黑的風險。' },
        { id: 'surgical_excision', text: '手術切除：適用於小範圍刺青或特定病灶，可一次移除，但會留下手術疤痕。' },
      ],
      aftercare: `• 治療後可間歇冰敷（每次 10–15 分鐘，冰袋需以布包裹）以減輕紅腫熱感。當天可用溫和清水洗臉，避免熱水與搓揉。
• 結痂處保持清潔，依醫師指示塗抹修護藥膏，讓痂皮自然脫落（約 5–10 天），不要摳抓。
• 嚴格防曬：每天使用廣效防曬品並於外出時每 2–3 小時補擦，搭配帽子或陽傘，至少持續 2–3 個月；這是預防反黑最重要的一步。
• 1 週內或紅腫結痂消退前，避免使用 A 酸、果酸、酒精性或去角質產品，避免三溫暖、泡溫泉、游泳及大量流汗的運動。
• 可依醫師指示使用淡斑保養品或藥物，降低反黑機會。
• 刺青部位若起水泡，請勿弄破，保持清潔乾燥並依指示覆蓋敷料。
• 若出現大範圍水泡、流膿、紅腫熱痛加劇或發燒，請儘速回診；若有眼睛疼痛、視力模糊或視野出現黑點，請立即就醫並聯絡本院。
• 若在 2–8 週出現顏色變深，請勿自行加強去角質或到他處加打雷射，請回診由醫師評估。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是最近 6 個月內是否服用口服 A 酸（isotretinoin）、光敏感藥物（如部分四環黴素類抗生素、部分利尿劑、聖約翰草）、免疫抑制劑或類固醇。
• 治療前 2–4 週避免日曬與曬黑，也不要做美黑。
• 治療前 3–7 天停用外用 A 酸、果酸及去角質產品。
• 請告知是否有皰疹病史（口周治療可能需預防性用藥）、蟹足腫或容易留疤的體質，以及是否有紋眉、紋唇等淺色刺青。
• 懷孕或可能懷孕，請告知，本療程將延後。
• 治療當天請素顏到院或提早到院卸妝；眼周治療當天請勿配戴隱形眼鏡。`,
      contraindications: [
        { id: 'isotretinoin', text: '最近 6 個月內服用口服 A 酸（isotretinoin）：傷口癒合異常與疤痕風險可能增加，一般建議停藥滿 6 個月後再治療，或由醫師評估是否僅做低能量療程。', flaggedBy: ['isotretinoin'] },
        { id: 'photosensitising', text: '正在使用光敏感藥物：皮膚對光的反應可能增強，燙傷與色素變化風險增加，需醫師評估是否調整參數或延後。', flaggedBy: ['photosensitising'] },
        { id: 'keloid', text: '蟹足腫或肥厚性疤痕體質：治療後形成明顯疤痕的風險較高，需審慎評估能量與範圍，高能量治療可能不適合。', flaggedBy: ['keloid'] },
        { id: 'immunosuppression', text: '使用免疫抑制劑或全身性類固醇：傷口癒合較慢、感染風險可能增加，需醫師評估。', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'pregnancy', text: '懷孕中：孕期荷爾蒙變化容易造成反黑與肝斑加重，麻醉藥膏等用藥也需謹慎，一般建議延後至生產後。', flaggedBy: ['pregnancy'] },
        { id: 'recent_tan', text: '近期曬黑或即將大量日曬：燙傷與反黑風險增加，建議延後治療。', flaggedBy: [] },
        { id: 'active_infection', text: '治療部位有活動性感染、開放性傷口、皰疹發作或濕疹發炎：需待痊癒後再治療。', flaggedBy: [] },
        { id: 'suspicious_lesion', text: '斑點或痣有可疑惡性特徵：需先由皮膚科評估或切片檢查，不能直接以雷射處理。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意，醫師亦會特別審慎評估施作的必要性。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_sessions',
          question: '關於皮秒雷射去斑的次數與效果，下列何者正確？',
          options: ['依斑點種類而定，多數需要多次治療，不保證完全清除，沒有防曬仍會長新斑', '任何斑點一次就能完全清除', '打過之後就永遠不會再長斑', '肝斑可以被雷射根治'],
          correctIndex: 0,
          topic: 'expected_result',
        },
        {
          id: 'q_pih',
          question: '治療後第 2–8 週，治療部位的顏色反而變深，下列處理何者正確？',
          options: ['這代表斑被「打出來」，應馬上去加強去角質', '自行到其他診所加打更高能量的雷射', '可能是反黑（發炎後色素沉澱），亞洲人常見，多數數月內會淡化；應加強防曬並回診讓醫師評估'],
          correctIndex: 2,
          topic: 'risks',
        },
        {
          id: 'q_eye_protection',
          question: '治療過程中，關於護目鏡下列何者正確？',
          options: ['覺得悶可以自行拿下一下', '全程配戴、不可取下或睜眼直視雷射光，因為雷射可能造成永久的眼睛傷害', '只要閉上眼睛就不需要護目鏡'],
          correctIndex: 1,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: '治療後的照護，下列何者正確？',
          options: ['痂皮可以早點摳掉，恢復比較快', '治療後隔天就可以用果酸去角質', '只有出太陽的日子才需要防曬', '讓痂皮自然脫落，並每天嚴格防曬至少 2–3 個月'],
          correctIndex: 3,
          topic: 'aftercare',
        },
      ],
    },
    en: {
      title: 'Picosecond laser treatment: patient information',
      purpose: `A picosecond laser delivers laser energy in extremely short pulses (trillionths of a second) to shatter pigment particles in the skin (melanin or tattoo ink) into finer particles, which the body's immune cells then gradually clear. Common uses include pigment problems such as freckles, sun spots (solar lentigines), naevus of Ota and Hori's naevus; tattoo removal; and, with special focusing lenses, improvement of skin texture, pores and shallow acne scars. Melasma is sometimes treated with low-energy settings as an adjunct, but melasma recurs easily and can darken, so treatment must be especially conservative.

This is an aesthetic treatment to change appearance; it is not needed to treat any illness. Whether to be treated, the area and the number of sessions are your decisions, made after you have understood the information. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and photographs: the physician first identifies the type of pigmentation (treatment method and number of sessions differ greatly between pigment problems), using dermoscopy or image analysis where needed, and takes pre-treatment photographs. If a spot or mole shows suspicious changes, a dermatology assessment will be recommended first; it will not be treated directly with the laser.
2. Cleansing and anaesthesia: after your make-up is removed and the skin is cleaned, a numbing cream is applied to the treatment area for about 30–45 minutes.
3. Eye protection: you must wear dedicated protective goggles or eye shields throughout the treatment. Do not remove them or open your eyes to look at the laser light. Staff also wear goggles matched to the wavelength.
4. Treatment: the physician sets the wavelength, energy and spot size for the area and purpose, and fires the laser through a handpiece on the skin. It feels like the snap of a rubber band or a prickling heat, with a snapping sound. A full face takes about 10–20 minutes; tattoos depend on their size.
5. Soothing and protection: after treatment the skin is cooled, a repair ointment is applied where needed, and sunscreen is put on.

The device, wavelength, energy settings and treated area are recorded in your chart to guide the next session.`,
      expectedResult: `Results vary greatly with the type of problem:
• Superficial pigment such as freckles and sun spots: often fades clearly after 1–3 sessions. For a few days after treatment the spots first darken and form fine crusts, and fade once these fall off.
• Dermal pigment such as naevus of Ota: usually needs multiple sessions (commonly 4–8 or more), about 2–3 months apart, fading gradually.
• Tattoos: depending on colour, depth and type of ink, often 5–10 or more sessions; some colours and inks are harder to clear and may not be removed completely.
• Skin texture, pores and shallow acne scars: improvement is gradual and modest, usually needing 3–5 or more sessions.
• Melasma: can only be lightened and controlled, not cured, and recurs easily after treatment stops or with sun exposure.

Sessions are generally about 4–8 weeks apart (longer for dermal pigment and tattoos). Even after pigment is removed, new spots will continue to form without good sun protection.`,
      recoveryTimeline: `• Same day: redness, mild swelling and warmth in the treated area; pigmented spots may immediately turn greyish-white or darker, and tattoos may show pinpoint bleeding.
• Days 1–3: redness and swelling subside; spots darken and some form fine crusts.
• Days 5–10: crusts fall off by themselves, revealing pink new skin. Low-energy modes for skin texture usually cause almost no crusting, only brief redness.
• Weeks 2–8: if post-inflammatory hyperpigmentation (darkening) occurs, it most often appears during this period. Continue sun protection and skincare; it usually fades over several months.
• Tattoo sites: may blister and crust, healing in about 1–2 weeks.`,
      limitations: `• Most pigment problems need several sessions, and complete clearance cannot be guaranteed; treatment of dermal pigment and tattoos may take more than a year.
• Melasma is a chronic condition influenced by hormones and sunlight. Laser can only help control it; after treatment it may recur or even become darker.
• Asian skin darkens more easily after inflammation. Strict sun protection is needed during and after treatment; otherwise results are reduced and the chance of darkening increases.
• Picosecond laser has limited effect on deep depressed scars, marked laxity and wrinkles.
• Light-coloured tattoos (such as some cosmetic eyebrow or lip tattoos, and skin-tone or white inks) may turn dark after laser; a small test area is needed first.
• If a spot or mole has suspicious features (irregular shape, uneven colour, rapid growth, bleeding), skin cancer must be ruled out first; it must not simply be removed with laser.`,
      risks: [
        { id: 'redness_swelling', text: 'Redness, swelling, warmth and stinging: common after treatment; usually settle within a few hours to 2–3 days.', frequency: 'common', severity: 'mild' },
        { id: 'post_inflammatory_hyperpigmentation', text: 'Post-inflammatory hyperpigmentation (darkening): the treated area becomes darker 2–8 weeks after treatment. This is more common in Asian skin; sun exposure, friction or irritating skincare increase the risk. It usually fades over 3–6 months, occasionally longer, and may need topical lightening medication or a pause or change in laser treatment.', frequency: 'common', severity: 'moderate' },
        { id: 'incomplete_clearance', text: 'Incomplete clearance and need for several sessions: some pigment or tattoo colours cannot be fully cleared and a faint shadow may remain, or more sessions (and cost) than expected may be needed.', frequency: 'common', severity: 'mild' },
        { id: 'blistering_crusting', text: 'Blistering or thicker crusting: more common in tattoo removal or higher-energy treatment. Do not break blisters or pick crusts, to avoid infection or scarring.', frequency: 'uncommon', severity: 'mild' },
        { id: 'purpura', text: 'Pinpoint bleeding or purple bruising (purpura): mostly with tattoo or higher-energy treatment; fades within about 1–2 weeks.', frequency: 'uncommon', severity: 'mild' },
        { id: 'hypopigmentation', text: 'Hypopigmentation (lightening): the treated area becomes paler than the surrounding skin, which may occur after frequent, repeated treatments. Some cases recover gradually; a few are long-lasting or permanent.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'melasma_rebound', text: 'Worsening or rebound of melasma: in people with melasma, it may improve and then recur, or become darker or more extensive than before treatment, requiring long-term control with medication and more conservative treatment.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'tattoo_darkening', text: 'Tattoo colour change: light-coloured inks containing iron oxide or titanium dioxide (common in cosmetic eyebrow and lip tattoos, and in skin-tone or white tattoos) may turn black or change colour after laser, and may then be even harder to remove.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'infection', text: 'Infection: bacterial infection may occur if the treated skin is not cared for properly. In people with a history of cold sores, treatment around the mouth may trigger a herpes recurrence that needs medication.', frequency: 'rare', severity: 'moderate' },
        { id: 'scarring', text: 'Scarring or change in skin texture: uncommon, usually related to broken blisters, infection, picking or excessive energy. The risk is higher in people prone to keloid or hypertrophic scars, and scars may be permanent.', frequency: 'rare', severity: 'moderate' },
        { id: 'eye_injury', text: 'Eye injury: laser light entering the eye directly or by reflection can cause permanent retinal damage or even blindness. Protective eyewear must be worn throughout, with extra protection when treating near the eyes; with correct protection this is extremely rare. If you have eye pain, blurred vision or dark spots in your vision after treatment, seek medical care immediately.', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No treatment: most pigment problems do not affect health, and choosing not to be treated is an entirely reasonable decision. However, any spot or mole that changes suspiciously should still be examined to rule out skin cancer.' },
        { id: 'topical_agents', text: 'Topical medication and skincare: lightening agents such as hydroquinone, retinoids, azelaic acid and vitamin C, together with strict sun protection, have some effect on melasma and superficial pigment and need to be used for several months.' },
        { id: 'oral_tranexamic_acid', text: 'Oral tranexamic acid: often used as an adjunct for melasma, after the physician has checked for contraindications such as clotting risk; melasma may return after stopping.' },
        { id: 'other_lasers', text: 'Other lasers or light treatments, such as nanosecond Q-switched lasers, intense pulsed light (IPL) or fractional lasers, each with different indications, numbers of sessions and recovery times.' },
        { id: 'chemical_peel', text: 'Chemical peels (such as glycolic or mandelic acid): can improve superficial pigment and skin texture, need several sessions, and also carry a risk of darkening.' },
        { id: 'surgical_excision', text: 'Surgical excision: suitable for small tattoos or certain lesions; removes them in one procedure but leaves a surgical scar.' },
      ],
      aftercare: `• After treatment you may apply cold compresses intermittently (10–15 minutes at a time, with the ice pack wrapped in cloth) to reduce redness and heat. You may wash your face gently with water the same day; avoid hot water and rubbing.
• Keep crusted areas clean, apply repair ointment as instructed, and let crusts fall off naturally (about 5–10 days). Do not pick or scratch.
• Strict sun protection: use a broad-spectrum sunscreen every day and reapply every 2–3 hours when outdoors, with a hat or umbrella, for at least 2–3 months. This is the single most important step in preventing darkening.
• For 1 week, or until redness and crusts have cleared, avoid retinoids, AHAs, alcohol-based or exfoliating products, and avoid saunas, hot springs, swimming and exercise that causes heavy sweating.
• Use lightening skincare or medication as the physician advises to reduce the chance of darkening.
• If a tattoo site blisters, do not break the blisters; keep the area clean and dry and cover it with a dressing as instructed.
• If you have extensive blistering, pus, increasing redness, warmth or pain, or fever, return to the clinic promptly. If you have eye pain, blurred vision or dark spots in your vision, seek medical care immediately and contact the clinic.
• If the area darkens at 2–8 weeks, do not exfoliate harder or have more laser elsewhere; come back so the physician can assess it.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially whether you have taken oral isotretinoin in the last 6 months, photosensitising medicines (such as some tetracycline antibiotics, some diuretics or St John's wort), immunosuppressants or corticosteroids.
• Avoid sun exposure and tanning for 2–4 weeks before treatment, including self-tanning.
• Stop topical retinoids, AHAs and exfoliating products 3–7 days before treatment.
• Tell us if you have a history of cold sores (preventive medication may be needed for treatment around the mouth), a tendency to keloid or easy scarring, or light-coloured tattoos such as cosmetic eyebrow or lip tattoos.
• If you are pregnant or may be pregnant, please tell us; treatment will be postponed.
• Please come without make-up or arrive early to remove it. Do not wear contact lenses on the day if the area around the eyes is being treated.`,
      contraindications: [
        { id: 'isotretinoin', text: 'Oral isotretinoin within the last 6 months: the risk of abnormal wound healing and scarring may be higher. Treatment is generally deferred until 6 months after stopping, or the physician may consider low-energy treatment only.', flaggedBy: ['isotretinoin'] },
        { id: 'photosensitising', text: 'Taking photosensitising medicines: the skin may react more strongly to light, raising the risk of burns and pigment change; the physician will assess whether to adjust settings or postpone.', flaggedBy: ['photosensitising'] },
        { id: 'keloid', text: 'Tendency to keloid or hypertrophic scars: higher risk of visible scarring after treatment; energy and treatment area must be chosen carefully, and high-energy treatment may not be suitable.', flaggedBy: ['keloid'] },
        { id: 'immunosuppression', text: 'Taking immunosuppressants or systemic corticosteroids: healing may be slower and the risk of infection higher; the physician will assess suitability.', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'pregnancy', text: 'Pregnancy: hormonal changes in pregnancy make darkening and worsening of melasma more likely, and medicines such as numbing cream need caution; treatment is generally postponed until after delivery.', flaggedBy: ['pregnancy'] },
        { id: 'recent_tan', text: 'Recently tanned or about to have heavy sun exposure: higher risk of burns and darkening; treatment should be postponed.', flaggedBy: [] },
        { id: 'active_infection', text: 'Active infection, open wounds, an active herpes outbreak or inflamed eczema in the treatment area: treatment must wait until it has healed.', flaggedBy: [] },
        { id: 'suspicious_lesion', text: 'A spot or mole with suspicious features of malignancy: it must first be assessed by a dermatologist or biopsied and must not be treated directly with laser.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18 years of age: the consent of a legal guardian is also required, and the physician will assess particularly carefully whether treatment is appropriate.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_sessions',
          question: 'Which statement about the number of sessions and results of picosecond laser for pigment is correct?',
          options: ['It depends on the type of pigment; most need several sessions, complete clearance is not guaranteed, and new spots form without sun protection', 'Any spot can be cleared completely in one session', 'After treatment, spots will never form again', 'Laser can cure melasma permanently'],
          correctIndex: 0,
          topic: 'expected_result',
        },
        {
          id: 'q_pih',
          question: 'If the treated area becomes darker 2–8 weeks after treatment, which response is correct?',
          options: ['It means the pigment is being "brought out"; exfoliate harder straight away', 'Go to another clinic for higher-energy laser', 'It may be post-inflammatory hyperpigmentation, which is common in Asian skin and usually fades over months; strengthen sun protection and come back for the physician to assess it'],
          correctIndex: 2,
          topic: 'risks',
        },
        {
          id: 'q_eye_protection',
          question: 'Which statement about protective eyewear during treatment is correct?',
          options: ['You may take it off briefly if it feels stuffy', 'Wear it throughout and never remove it or look at the laser light, because the laser can cause permanent eye injury', 'Closing your eyes is enough; eyewear is not needed'],
          correctIndex: 1,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: 'Which aftercare is correct?',
          options: ['Pick crusts off early to speed recovery', 'Exfoliate with an AHA the day after treatment', 'Sunscreen is only needed on sunny days', 'Let crusts fall off naturally and use strict daily sun protection for at least 2–3 months'],
          correctIndex: 3,
          topic: 'aftercare',
        },
      ],
    },
  },
};
