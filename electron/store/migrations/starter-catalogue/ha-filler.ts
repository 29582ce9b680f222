import type { StarterProcedure } from './types';

/** 玻尿酸注射 — starter explanation sheet (frozen with migration 0040). */
export const haFiller: StarterProcedure = {
  code: 'ha_filler',
  nameZh: '玻尿酸注射',
  nameEn: 'Hyaluronic-acid filler injection',
  category: 'injectable',
  anaesthesia: 'topical',
  witnessRequired: false,
  coolingOffDays: 1,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問疼痛、腫脹、瘀青與膚色變化，特別確認有無血管栓塞徵兆（皮膚發白、紫色網狀斑、劇痛加重、視力變化）' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：腫脹瘀青消退情形、硬塊、感染徵兆，回答照護問題' },
    { id: 'd14_physician', dayOffset: 14, role: 'physician', method: 'visit', focus: '回診評估效果、對稱性與有無結節或移位，進行補打評估' },
    { id: 'd30_consultant', dayOffset: 30, role: 'consultant', method: 'phone', focus: '了解效果與原本期待是否相符，以及病人的心情與滿意度' },
  ],
  templates: {
    'zh-TW': {
      title: '玻尿酸（透明質酸）填充注射說明書',
      purpose: `玻尿酸（透明質酸）是人體皮膚與關節中原本就有的成分。醫療用玻尿酸填充劑經過交聯處理，注射到皮膚或皮下組織後可暫時補充體積，用來改善因老化、體積流失或先天結構造成的凹陷與輪廓不足，例如法令紋、淚溝、蘋果肌、太陽穴、下巴、鼻背或唇部。

本療程屬於改善外觀的美容醫療，並非治療疾病所必需。是否接受注射、注射哪些部位與劑量，都由您在充分了解後自行決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 評估與拍照：醫師會先了解您想改善的部位與期待，評估臉部結構、皮膚狀況與過去的醫美治療，並拍攝治療前照片。
2. 表面麻醉：卸妝清潔後，在注射部位塗抹表面麻醉藥膏約 20–30 分鐘。多數玻尿酸產品本身也含有少量局部麻醉劑（lidocaine），可減輕注射時的不適。
3. 消毒與注射：以消毒液清潔皮膚後，醫師依部位選用細針或鈍頭微管（cannula），將玻尿酸緩慢注入預定的組織層次。注射過程中醫師會持續觀察皮膚顏色與您的反應；若您感到異常劇痛、看到皮膚變白，或眼睛有任何不舒服或視力改變，請立即告訴醫師。
4. 塑形與觀察：注射後醫師會輕柔塑形，並請您在院內觀察約 15–30 分鐘，確認皮膚顏色、微血管回流及視力正常後才離開。
5. 紀錄：使用產品的品牌、批號、劑量（cc）與注射部位會記錄於病歷。本院備有玻尿酸分解酶（hyaluronidase）及緊急處置設備，以備併發症時立即使用。

整個過程依部位多寡約 30–60 分鐘（含敷麻藥時間）。`,
      expectedResult: `注射後可立即看到體積與輪廓的改變，但最初幾天因為腫脹，看起來會比最終結果更飽滿；大約 2–4 週後組織穩定，才是較真實的效果。

效果維持時間會因產品種類、注射部位、劑量與個人代謝而不同，一般約 6–18 個月。唇部等活動較多的部位通常維持較短。玻尿酸會逐漸被身體分解吸收，想維持效果需要定期補打。

玻尿酸能帶來的是「改善」，不是「完美」：無法保證兩側完全對稱，也無法保證達到某張參考照片的樣子。`,
      recoveryTimeline: `• 當天：注射點可能有紅腫、針孔與輕微疼痛，一般可以正常工作，但外觀可能看得出來。
• 第 1–3 天：腫脹通常最明顯，淚溝與唇部特別容易腫；瘀青可能在這段時間浮現。
• 第 1–2 週：瘀青多在 7–14 天內消退；按壓時可能摸到輕微硬塊，多數會逐漸變軟、變平。
• 第 2–4 週：腫脹大致消退，玻尿酸與組織融合，此時是評估效果與是否需要補打的時機。`,
      limitations: `• 玻尿酸只能補充體積，無法處理明顯的皮膚鬆垂或多餘皮膚，也不能取代拉皮手術；表情動作造成的動態紋路（如抬頭紋、魚尾紋）較適合以肉毒桿菌素處理。
• 效果是暫時的，會隨時間被吸收，需要定期補打，費用也會重複發生。
• 一次注射過量可能造成臉型臃腫或不自然，醫師可能建議分次施打，而不是一次到位。
• 您本身的骨架、皮膚厚度與兩側原本的不對稱都會影響結果；部分不對稱無法完全矯正。
• 如果您過去曾注射其他填充物（例如永久性填充物、微晶瓷、聚左旋乳酸或來源不明的產品），可能影響結果與安全性，請務必如實告知。`,
      risks: [
        { id: 'bruising', text: '注射部位瘀青：針頭穿過皮下小血管所致，多在 1–2 週內自行消退。服用抗凝血劑、阿斯匹靈、魚油或銀杏等較容易發生，範圍也可能較大。', frequency: 'common', severity: 'mild' },
        { id: 'swelling', text: '腫脹、泛紅：多在數天內消退；淚溝與唇部可能腫脹數天至 1–2 週。少數人會出現延遲性或反覆發作的腫脹。', frequency: 'common', severity: 'mild' },
        { id: 'pain', text: '注射時與注射後疼痛或壓痛：通常輕微，數天內緩解。若疼痛劇烈、與外觀不成比例或持續加重，可能是血管栓塞或感染的徵兆，請立即聯絡本院。', frequency: 'common', severity: 'mild' },
        { id: 'infection', text: '感染：注射部位紅、腫、熱、痛加劇、發燒或化膿，多數以抗生素治療即可；少數形成膿瘍需要切開引流。延遲性感染（生物膜）可能在數週甚至數月後才出現。', frequency: 'rare', severity: 'moderate' },
        { id: 'nodules_granuloma', text: '結節、硬塊或肉芽腫：早期的小硬塊多為玻尿酸堆積，可按摩或以分解酶處理；遲發性發炎性結節或肉芽腫可能在數週至數月後出現，可能需要口服藥物、分解酶或多次治療。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'tyndall_effect', text: '丁達爾效應（皮膚透出藍灰色）：玻尿酸位置過淺時，皮膚較薄的部位（特別是淚溝）可能透出淡藍色，可以注射分解酶溶解改善。', frequency: 'uncommon', severity: 'mild' },
        { id: 'asymmetry', text: '不對稱或效果不如預期：兩側外觀不完全一致、矯正不足或過度。通常於 2–4 週後評估，可補打或以分解酶調整；補打是否另外收費請事先確認。', frequency: 'uncommon', severity: 'mild' },
        { id: 'migration', text: '填充物移位：玻尿酸可能離開原本注射的位置，例如唇部填充超出唇線，或淚溝處出現類似水腫的外觀；可以注射分解酶處理。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'herpes_reactivation', text: '唇疱疹復發：曾有唇疱疹（皰疹）病史者，唇部或口周注射可能誘發復發；醫師可能建議預防性服用抗病毒藥物。', frequency: 'uncommon', severity: 'mild' },
        { id: 'allergic_reaction', text: '過敏反應：對玻尿酸製劑或其中的麻醉成分（lidocaine）過敏，表現為持續紅腫、搔癢或蕁麻疹；嚴重的全身性過敏反應（過敏性休克）極為罕見。', frequency: 'rare', severity: 'moderate' },
        { id: 'vascular_occlusion', text: '血管栓塞與皮膚壞死：玻尿酸進入或壓迫血管而阻斷血流，表現為注射當下或數小時內劇烈疼痛、皮膚發白、出現紫色網狀斑或顏色變暗，若未及時處理可能造成皮膚壞死、潰瘍與永久疤痕。緊急處置為立即大量注射玻尿酸分解酶（hyaluronidase）溶解，越早處理結果越好。鼻部、眉間、法令紋屬較高風險部位。', frequency: 'rare', severity: 'severe' },
        { id: 'vision_loss', text: '失明或視力受損：玻尿酸若經臉部血管逆流進入眼動脈或視網膜動脈，可能造成突然視力模糊或喪失、眼痛、眼皮下垂、複視，極少數合併腦中風。此併發症極罕見，但多數為永久性，目前沒有確定有效的治療。注射中或注射後出現任何視力變化，必須立即告知醫師或立刻前往急診；醫師會立即注射分解酶並緊急轉診眼科。', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受治療：凹陷與老化所造成的外觀變化不會危害健康，選擇不治療是完全合理的決定；這些變化可能隨年齡逐漸明顯。' },
        { id: 'other_fillers', text: '其他填充或膠原增生注射劑：如聚左旋乳酸（舒顏萃）、微晶瓷（CaHA）、膠原蛋白等，維持時間可能較長或以刺激膠原為主，但多數無法用分解酶溶解，發生問題時較難處理。' },
        { id: 'fat_grafting', text: '自體脂肪移植：以自己的脂肪填充，存活的部分可長期維持，但需要抽脂手術，脂肪存活率不易預測，可能需要多次手術。' },
        { id: 'thread_lift', text: '埋線拉提：可改善輕度至中度鬆弛，但對體積流失幫助有限，效果通常維持一至兩年左右，也有線材外露、凹陷、感染等風險。' },
        { id: 'energy_devices', text: '電波（RF）或音波（HIFU）緊緻療程：以熱能刺激膠原增生、改善輕度鬆弛，不能補充體積，效果漸進且較溫和。' },
        { id: 'surgery', text: '手術：如拉皮、下眼瞼（眼袋）手術、鼻部或下巴植入物。效果較明顯且持久，但需要麻醉、恢復期較長，手術風險也較高。' },
      ],
      aftercare: `• 注射後 24 小時內保持注射點清潔乾燥，至少 6–12 小時後再上妝。
• 前 1–2 天可間歇冷敷（每次 10–15 分鐘，冰袋需以布包裹）以減輕腫脹瘀青。
• 1–2 週內避免用力按摩或按壓注射部位、避免趴睡；除非醫師特別指示按摩。
• 1–2 週內避免三溫暖、烤箱、泡溫泉等高溫環境，前 24–48 小時避免劇烈運動與飲酒。
• 2 週內若要在同部位做雷射、電波、音波或臉部按摩，請先與醫師確認。
• 下列情形請立即聯絡本院或直接前往急診，並說明剛注射過玻尿酸：注射部位劇烈疼痛或持續加重、皮膚發白、發紫、出現網狀斑或水泡、任何視力模糊或視力喪失、眼皮下垂、複視、說話不清或肢體無力。
• 紅、腫、熱、痛逐漸加劇、發燒或有膿，請儘速回診。
• 請依約回診；若對結果有疑慮，請在 2–4 週評估時提出，不要到其他院所自行加打或溶解。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是抗凝血劑、阿斯匹靈或其他抗血小板藥、止痛消炎藥（NSAIDs）、魚油、銀杏、維生素 E。處方藥請勿自行停用；非必要的保健食品可在開藥醫師同意下，於注射前約 1 週暫停。
• 請告知過敏史、自體免疫疾病、唇疱疹病史（唇部注射可能需預防性用藥），以及過去注射過的填充物種類、時間與臉部手術史。
• 懷孕、可能懷孕或正在哺乳，請告知，本療程將延後。
• 近期若有發燒、感冒、牙齒或鼻竇感染，或預計接種疫苗，請告知，醫師可能建議調整注射時間。
• 若近期有婚禮、拍照等重要活動，請至少預留 2 週恢復期。
• 治療當天請盡量素顏到院，或提早到院卸妝。`,
      contraindications: [
        { id: 'pregnancy', text: '懷孕中或可能懷孕：孕期注射玻尿酸的安全性缺乏研究，建議延後至生產後再施作。', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: '哺乳中：安全性資料不足，一般建議延後至停止哺乳後再施作。', flaggedBy: ['breastfeeding'] },
        { id: 'anticoagulant', text: '服用抗凝血劑（如 warfarin 或新型口服抗凝血劑）：瘀青及血腫風險增加；切勿自行停藥，需與開藥醫師討論。', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: '服用阿斯匹靈、clopidogrel 等抗血小板藥物：瘀青風險增加；處方藥請勿自行停用，需與開藥醫師討論。', flaggedBy: ['antiplatelet'] },
        { id: 'immunosuppression', text: '使用免疫抑制劑或全身性類固醇，或自體免疫疾病發作期：感染與遲發性發炎反應風險可能增加，需由醫師評估是否適合及時機。', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'active_infection', text: '注射部位有活動性感染或發炎（如化膿性痘痘、毛囊炎、唇疱疹發作）：需待痊癒後再注射。', flaggedBy: [] },
        { id: 'product_allergy', text: '曾對玻尿酸產品、lidocaine 或產品成分嚴重過敏，或曾發生過敏性休克：不宜注射。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意，醫師亦會特別審慎評估施作的必要性。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_duration',
          question: '玻尿酸注射的效果一般可以維持多久？',
          options: ['永久不會消失', '約 6–18 個月，會逐漸被身體吸收，要維持需定期補打', '只有 1–2 週', '打一次之後效果會越來越好，不需要再打'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_vascular_warning',
          question: '注射後若發現注射部位皮膚發白、出現紫色網狀斑、疼痛劇烈，或出現任何視力模糊，應該怎麼做？',
          options: ['先冰敷，觀察幾天再說', '自己熱敷按摩讓它散開', '立即聯絡本院或回診；若有視力變化，立刻前往急診', '等到兩週後的回診再告訴醫師'],
          correctIndex: 2,
          topic: 'risks',
        },
        {
          id: 'q_limits',
          question: '關於玻尿酸能做到的事，下列何者正確？',
          options: ['主要用來補充凹陷與體積，無法處理明顯的皮膚鬆垂，也不保證兩側完全對稱', '可以取代拉皮手術，把鬆垂的皮膚拉回去', '保證打完和參考照片一模一樣'],
          correctIndex: 0,
          topic: 'limitations',
        },
        {
          id: 'q_aftercare',
          question: '注射後前一至兩週的照護，下列何者正確？',
          options: ['當天就可以去三溫暖、泡溫泉', '注射後應自己用力按摩注射部位讓它平整', '隔天就可以在同部位做電波或雷射，不需要問醫師', '避免用力按壓注射部位、高溫環境與飲酒，並依醫師指示照護'],
          correctIndex: 3,
          topic: 'aftercare',
        },
      ],
    },
    en: {
      title: 'Hyaluronic-acid (HA) filler injection: patient information',
      purpose: `Hyaluronic acid is a substance naturally present in the skin and joints. Medical HA fillers are cross-linked so that, when injected into or under the skin, they temporarily add volume. They are used to soften hollows and contour deficits caused by ageing, volume loss or natural anatomy, for example nasolabial folds, tear troughs, cheeks, temples, chin, nasal bridge or lips.

This is an aesthetic treatment to change appearance; it is not needed to treat any illness. Whether to be treated, which areas and how much product are your decisions, made after you have understood the information. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and photographs: the physician discusses the areas you would like to improve and your expectations, assesses your facial structure, skin and previous aesthetic treatments, and takes pre-treatment photographs.
2. Topical anaesthesia: after your make-up is removed, a numbing cream is applied to the treatment areas for about 20–30 minutes. Most HA products also contain a small amount of local anaesthetic (lidocaine) to reduce discomfort during injection.
3. Disinfection and injection: after the skin is disinfected, the physician uses a fine needle or a blunt micro-cannula, depending on the area, to inject the filler slowly into the planned tissue layer. The physician watches your skin colour and your response throughout. If you feel unusually severe pain, notice the skin turning white, or have any eye discomfort or change in vision, tell the physician immediately.
4. Shaping and observation: after injection the physician gently moulds the product, and you stay in the clinic for about 15–30 minutes so that skin colour, capillary refill and vision can be confirmed as normal before you leave.
5. Records: the brand, lot number, volume (mL) and sites injected are recorded in your chart. The clinic keeps hyaluronidase (the enzyme that dissolves HA) and emergency equipment on hand for immediate use if a complication occurs.

The whole visit takes about 30–60 minutes depending on the number of areas, including the time for the numbing cream.`,
      expectedResult: `A change in volume and contour is visible straight away, but for the first few days swelling makes the area look fuller than the final result. The result settles after about 2–4 weeks.

How long the effect lasts depends on the product, the area, the volume injected and your own metabolism, and is generally about 6–18 months. Areas that move a lot, such as the lips, usually last a shorter time. The body gradually breaks down and absorbs the filler, so maintaining the effect requires repeat treatments.

Filler offers improvement, not perfection: perfect symmetry between the two sides, or looking exactly like a reference photograph, cannot be guaranteed.`,
      recoveryTimeline: `• Same day: redness, swelling, needle marks and mild pain at the injection points. Most people can work normally, although the treatment may be noticeable.
• Days 1–3: swelling is usually at its peak; tear troughs and lips swell most easily. Bruises may appear during this time.
• Weeks 1–2: bruises usually fade within 7–14 days. Small firm areas may be felt on pressure; most soften and flatten gradually.
• Weeks 2–4: swelling has largely settled and the filler has integrated with the tissue. This is the time to assess the result and decide whether a touch-up is needed.`,
      limitations: `• Filler only adds volume. It cannot correct marked skin laxity or excess skin and is not a substitute for a facelift. Lines caused by facial movement (forehead lines, crow's feet) are better treated with botulinum toxin.
• The effect is temporary and is absorbed over time, so repeat treatments (and their cost) are needed to maintain it.
• Injecting too much at once can make the face look heavy or unnatural; the physician may recommend treating in stages rather than all at once.
• Your bone structure, skin thickness and pre-existing asymmetry all affect the result; some asymmetry cannot be fully corrected.
• If you have had other fillers in the past (for example permanent fillers, calcium hydroxylapatite, poly-L-lactic acid or products of unknown origin), this may affect both the result and safety, so please tell the physician honestly.`,
      risks: [
        { id: 'bruising', text: 'Bruising at injection sites: caused by the needle passing through small vessels under the skin; usually fades within 1–2 weeks. It is more likely, and may be larger, if you take anticoagulants, aspirin, fish oil or ginkgo.', frequency: 'common', severity: 'mild' },
        { id: 'swelling', text: 'Swelling and redness: usually settle within a few days; tear troughs and lips may stay swollen for several days up to 1–2 weeks. A few people have delayed or recurrent swelling.', frequency: 'common', severity: 'mild' },
        { id: 'pain', text: 'Pain or tenderness during and after injection: usually mild and resolves within a few days. Pain that is severe, out of proportion to how the area looks, or getting worse may be a sign of vascular occlusion or infection; contact the clinic immediately.', frequency: 'common', severity: 'mild' },
        { id: 'infection', text: 'Infection: increasing redness, swelling, warmth or pain, fever or pus at the injection site. Most cases respond to antibiotics; a few form an abscess that needs drainage. Delayed infection (biofilm) may appear weeks or even months later.', frequency: 'rare', severity: 'moderate' },
        { id: 'nodules_granuloma', text: 'Nodules, lumps or granuloma: early small lumps are usually clumped filler and can be massaged or dissolved with hyaluronidase. Delayed inflammatory nodules or granulomas may appear weeks to months later and may need oral medication, hyaluronidase or several treatments.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'tyndall_effect', text: 'Tyndall effect (bluish-grey tint): when filler lies too superficially, thin-skinned areas (especially the tear trough) may show a bluish discoloration. It can be improved by dissolving the filler with hyaluronidase.', frequency: 'uncommon', severity: 'mild' },
        { id: 'asymmetry', text: 'Asymmetry or a result below expectations: the two sides may not match exactly, or the correction may be too little or too much. This is assessed after 2–4 weeks and can be adjusted by a touch-up or hyaluronidase; please check beforehand whether a touch-up is charged.', frequency: 'uncommon', severity: 'mild' },
        { id: 'migration', text: 'Filler migration: the filler may move away from where it was placed, for example beyond the lip border, or causing a puffy, oedema-like look below the tear trough. It can be treated with hyaluronidase.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'herpes_reactivation', text: 'Cold-sore reactivation: in people with a history of cold sores (herpes labialis), injection of the lips or around the mouth may trigger a recurrence; the physician may recommend preventive antiviral medication.', frequency: 'uncommon', severity: 'mild' },
        { id: 'allergic_reaction', text: 'Allergic reaction: allergy to the filler or to its anaesthetic component (lidocaine), shown as persistent redness, swelling, itching or hives. A severe whole-body allergic reaction (anaphylaxis) is extremely rare.', frequency: 'rare', severity: 'moderate' },
        { id: 'vascular_occlusion', text: 'Vascular occlusion and skin necrosis: filler entering or compressing a blood vessel blocks blood flow, causing severe pain, blanching, a purple lace-like (livedo) pattern or darkening of the skin during or within hours of injection. Without prompt treatment this can lead to skin death, ulceration and permanent scarring. Emergency treatment is immediate high-dose injection of hyaluronidase to dissolve the filler; the earlier, the better. The nose, glabella and nasolabial folds are higher-risk areas.', frequency: 'rare', severity: 'severe' },
        { id: 'vision_loss', text: 'Blindness or visual impairment: filler travelling backwards through facial vessels into the ophthalmic or retinal artery can cause sudden blurred or lost vision, eye pain, a drooping eyelid or double vision, and very rarely a stroke. This is extremely rare but usually permanent, and there is no proven effective treatment. Any change in vision during or after injection must be reported to the physician at once or taken to an emergency department immediately; the physician will inject hyaluronidase and arrange urgent ophthalmology referral.', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No treatment: hollowing and age-related changes are not a danger to health, and choosing not to be treated is an entirely reasonable decision. These changes may become more visible with age.' },
        { id: 'other_fillers', text: 'Other fillers or collagen stimulators, such as poly-L-lactic acid (Sculptra), calcium hydroxylapatite (Radiesse) or collagen. They may last longer or work mainly by stimulating collagen, but most cannot be dissolved with an enzyme, so problems are harder to manage.' },
        { id: 'fat_grafting', text: 'Autologous fat grafting: your own fat is used as filler and the part that survives can last long term, but it requires liposuction, fat survival is unpredictable and several operations may be needed.' },
        { id: 'thread_lift', text: 'Thread lift: can improve mild to moderate laxity but does little for volume loss; the effect usually lasts around one to two years, with risks such as thread exposure, dimpling and infection.' },
        { id: 'energy_devices', text: 'Radiofrequency (RF) or ultrasound (HIFU) tightening: uses heat to stimulate collagen and improve mild laxity. It does not add volume; the effect is gradual and modest.' },
        { id: 'surgery', text: 'Surgery, such as a facelift, lower-eyelid (eye-bag) surgery, or nasal or chin implants: the effect is more marked and lasting, but it requires anaesthesia, a longer recovery and carries higher surgical risks.' },
      ],
      aftercare: `• Keep the injection points clean and dry for 24 hours, and wait at least 6–12 hours before applying make-up.
• For the first 1–2 days you may apply cold compresses intermittently (10–15 minutes at a time, with the ice pack wrapped in cloth) to reduce swelling and bruising.
• For 1–2 weeks avoid firmly massaging or pressing the treated areas and avoid sleeping face-down, unless the physician specifically tells you to massage.
• For 1–2 weeks avoid saunas, steam rooms and hot springs; for the first 24–48 hours avoid strenuous exercise and alcohol.
• Check with the physician before having laser, radiofrequency, ultrasound treatment or facial massage on the same area within 2 weeks.
• Contact the clinic immediately, or go straight to an emergency department and say you have just had filler injected, if you have: severe or worsening pain at the injection site; skin that turns white, purple, mottled or blisters; any blurred or lost vision; a drooping eyelid; double vision; slurred speech or weakness in a limb.
• If redness, swelling, warmth or pain keeps increasing, or you develop fever or pus, return to the clinic promptly.
• Please keep your follow-up appointments. If you have concerns about the result, raise them at the 2–4 week review rather than having more filler added or dissolved elsewhere.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially anticoagulants, aspirin or other antiplatelet drugs, anti-inflammatory painkillers (NSAIDs), fish oil, ginkgo and vitamin E. Do not stop prescribed medicines on your own; non-essential supplements may be paused about 1 week before treatment with the agreement of the prescribing doctor.
• Tell us about allergies, autoimmune disease, any history of cold sores (lip treatment may need preventive medication), and the type and date of any previous fillers and facial surgery.
• If you are pregnant, may be pregnant or are breastfeeding, please tell us; treatment will be postponed.
• If you have recently had a fever, a cold, a dental or sinus infection, or are due for a vaccination, please tell us; the physician may suggest changing the treatment date.
• If you have an important event such as a wedding or photo shoot, allow at least 2 weeks for recovery.
• Please come without make-up if possible, or arrive early to remove it.`,
      contraindications: [
        { id: 'pregnancy', text: 'Pregnant or possibly pregnant: the safety of HA filler in pregnancy has not been studied; treatment should be postponed until after delivery.', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: 'Breastfeeding: safety data are insufficient; treatment is generally postponed until breastfeeding has stopped.', flaggedBy: ['breastfeeding'] },
        { id: 'anticoagulant', text: 'Taking anticoagulants (such as warfarin or a direct oral anticoagulant): higher risk of bruising and haematoma. Never stop the medicine on your own; discuss it with the prescribing doctor.', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: 'Taking antiplatelet drugs such as aspirin or clopidogrel: higher risk of bruising. Do not stop prescribed medicines on your own; discuss it with the prescribing doctor.', flaggedBy: ['antiplatelet'] },
        { id: 'immunosuppression', text: 'Taking immunosuppressants or systemic corticosteroids, or an active flare of autoimmune disease: the risk of infection and delayed inflammatory reactions may be higher; the physician will assess suitability and timing.', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'active_infection', text: 'Active infection or inflammation at the injection site (such as pustular acne, folliculitis or an active cold sore): treatment must wait until it has healed.', flaggedBy: [] },
        { id: 'product_allergy', text: 'Previous severe allergy to HA products, lidocaine or any product component, or a history of anaphylaxis: filler should not be injected.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18 years of age: the consent of a legal guardian is also required, and the physician will assess particularly carefully whether treatment is appropriate.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_duration',
          question: 'How long does the effect of HA filler generally last?',
          options: ['It is permanent', 'About 6–18 months; the body gradually absorbs it, so repeat treatments are needed to maintain it', 'Only 1–2 weeks', 'One treatment keeps improving over time and never needs repeating'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_vascular_warning',
          question: 'After injection, if the skin at the site turns white, shows a purple lace-like pattern, becomes very painful, or you notice any blurred vision, what should you do?',
          options: ['Apply ice and wait a few days to see', 'Use warm compresses and massage it to spread the filler', 'Contact the clinic or come back immediately; for any change in vision, go to an emergency department at once', 'Mention it to the physician at the two-week review'],
          correctIndex: 2,
          topic: 'risks',
        },
        {
          id: 'q_limits',
          question: 'Which statement about what HA filler can do is correct?',
          options: ['It mainly restores hollows and volume; it cannot correct marked skin laxity, and perfect symmetry is not guaranteed', 'It can replace a facelift and lift sagging skin back into place', 'It guarantees you will look exactly like the reference photograph'],
          correctIndex: 0,
          topic: 'limitations',
        },
        {
          id: 'q_aftercare',
          question: 'Which is correct aftercare for the first one to two weeks after injection?',
          options: ['You can go to a sauna or hot spring the same day', 'You should firmly massage the area yourself to smooth it out', 'You can have radiofrequency or laser on the same area the next day without asking the physician', 'Avoid pressing the treated areas, hot environments and alcohol, and follow the physician\'s instructions'],
          correctIndex: 3,
          topic: 'aftercare',
        },
      ],
    },
  },
};
