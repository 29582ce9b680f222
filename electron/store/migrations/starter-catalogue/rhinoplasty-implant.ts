import type { StarterProcedure } from './types';

/** 隆鼻手術（植入物） — starter explanation sheet (frozen with migration 0040). */
export const rhinoplastyImplant: StarterProcedure = {
  code: 'rhinoplasty_implant',
  nameZh: '隆鼻手術（植入物）',
  nameEn: 'Rhinoplasty with implant',
  category: 'surgical',
  anaesthesia: 'sedation',
  witnessRequired: true,
  coolingOffDays: 14,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問傷口、疼痛與出血（流鼻血）情形，確認呼吸、發燒與鎮靜麻醉後恢復狀況' },
    { id: 'd6_physician', dayOffset: 6, role: 'physician', method: 'visit', focus: '回診拆除鼻夾板與縫線、檢查傷口：感染徵兆、植入物位置與皮膚顏色' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：腫脹瘀青、鼻孔清潔、避免碰撞與戴眼鏡的注意事項，回答照護問題' },
    { id: 'd30_consultant', dayOffset: 30, role: 'consultant', method: 'phone', focus: '了解外觀與原本期待是否相符，以及病人的心情；提醒鼻型需數月才穩定，並注意紅腫或皮膚變薄' },
  ],
  templates: {
    'zh-TW': {
      title: '隆鼻手術（植入物）說明書',
      purpose: `隆鼻手術是在鼻背及（或）鼻尖放入植入物或自體軟骨，增加鼻樑高度、調整鼻尖的高度與形狀，改善鼻樑低平、鼻尖圓鈍或鼻小柱短等外觀。常用的材料包括人工植入物（例如醫療用矽膠、膨體聚四氟乙烯 ePTFE），以及取自您本身的軟骨（耳軟骨、鼻中隔軟骨或肋軟骨）；實際材料與組合由醫師評估後與您討論，並記錄於手術同意書。

本手術屬於改善外觀的美容醫療，並非治療疾病所必需。是否接受手術、使用哪種材料、希望的高度與形狀，都由您在充分了解後決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 術前評估與設計：醫師會檢查鼻部皮膚厚度、鼻骨與軟骨結構、鼻中隔與呼吸狀況、過去的鼻部手術或注射史（特別是玻尿酸或其他填充物），並拍攝術前照片，與您討論高度、鼻尖形狀與材料的優缺點。
2. 麻醉：本手術採靜脈注射鎮靜麻醉，合併局部麻醉。鎮靜期間您會處於淺睡或意識模糊的狀態，過程中會持續監測血氧、心跳與血壓；必要時醫療團隊會協助維持呼吸道。麻醉方式與風險，執行麻醉的醫師會另外向您說明。
3. 切口：常見切口在鼻孔內（閉鎖式），或鼻孔內合併鼻小柱下方的小切口（開放式）。開放式在鼻小柱會留下一條細小疤痕，多數不明顯。
4. 放入植入物：在鼻背骨膜下或軟骨上方製作適當大小的空間，將依您的鼻型修整過的植入物放入鼻背。鼻尖通常以自體軟骨（耳軟骨、鼻中隔軟骨或肋軟骨）加高或延長，以降低人工植入物頂住鼻尖皮膚的風險。取耳軟骨會在耳朵後方或前方留一個小切口；取肋軟骨會在胸部下方留數公分的切口。
5. 縫合與固定：以細線縫合切口，鼻孔內可能放置少量填塞物，鼻背以膠布與夾板固定，約 5–7 天回診拆除夾板與外部縫線（鼻孔內多為可吸收線）。
6. 觀察：術後在恢復區觀察，待清醒、生命徵象穩定並可正常行走後才能離開。

手術時間依範圍約 1–3 小時。手術當天須由成人陪同返家，24 小時內不可開車、騎車、操作機械或簽署重要文件。`,
      expectedResult: `術後鼻樑與鼻尖的高度會立即改變，但最初因為腫脹，鼻子會看起來較寬、較高、較不自然，鼻尖也可能偏硬、偏翹。

• 約 2–3 週後大部分腫脹與瘀青消退，日常外觀已可接受。
• 約 3–6 個月鼻型逐漸穩定；鼻尖的細微腫脹與僵硬感可能需要 6 個月至 1 年才完全消退。

手術能帶來的是「改善」，不是「完美」：結果受到您的皮膚厚度、原本的骨骼與軟骨結構限制，無法保證兩側完全對稱，也無法保證和參考照片一樣。人工植入物是留在體內的異物，並非終身保證，日後可能因併發症、老化或外觀需求而需要取出或更換。`,
      recoveryTimeline: `• 手術當天至第 3 天：鼻部與眼周腫脹、瘀青，鼻塞、少量流鼻血或分泌物，需張口呼吸；口乾、喉嚨不適。
• 第 5–7 天：回診拆除夾板與縫線；瘀青轉黃、逐漸消退。多數人約 1–2 週可回到一般工作。
• 第 2–4 週：大部分腫脹消退，鼻塞改善；鼻子仍比較脆弱，需要避免碰撞。
• 第 1–3 個月：鼻背腫脹持續減少，鼻尖仍可能略硬、觸感麻木。
• 第 3–12 個月：鼻型逐漸穩定，鼻尖腫脹與麻木感最後消退。是否需要修正，一般在 6 個月至 1 年後評估（感染或植入物外露等併發症則需立即處理）。`,
      limitations: `• 皮膚較厚的人，鼻尖的立體度與線條較難呈現；皮膚較薄的人，植入物的邊緣較容易被看到或摸到。
• 可加高的程度受皮膚與軟組織延展性限制；過高、過長或過翹的設計會增加皮膚變薄、泛紅及植入物外露的風險，醫師可能建議保守的高度。
• 隆鼻主要改變鼻樑與鼻尖的高度與形狀；鼻翼過寬、鼻骨過寬或駝峰、歪鼻、鼻中隔彎曲造成的鼻塞，需要另外的手術處理，可能增加手術範圍與風險。
• 人工植入物會在周圍形成包膜，日後可能發生移位、攣縮、鈣化或感染，並非一次手術就能終身維持；一生中可能需要修正、取出或更換。
• 曾注射玻尿酸或其他填充物（特別是永久性或來源不明的產品）、或曾做過鼻部手術者，組織可能有沾黏或血流較差，併發症風險較高，結果也較難預測。
• 修正手術通常比第一次手術困難，可能需要取用自體軟骨（甚至肋軟骨），結果的不確定性也較高。`,
      risks: [
        { id: 'swelling_bruising', text: '腫脹、瘀青、鼻塞與少量流鼻血：幾乎每個人都會發生，前 3 天最明顯，瘀青多在 2 週內消退；鼻尖細微腫脹可持續數個月。', frequency: 'common', severity: 'mild' },
        { id: 'infection', text: '感染：鼻部紅、腫、熱、痛加劇、發燒、傷口或鼻孔流膿。早期可以抗生素治療，但植入物周圍的感染常難以單靠藥物控制，可能需要取出植入物，待數個月後再評估是否重新放置。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'implant_extrusion', text: '植入物外露或穿出：植入物頂住皮膚或黏膜，使局部皮膚變薄、泛紅，最後植入物從鼻尖、鼻孔內或傷口穿出。多發生在鼻尖張力過大、感染或外傷後；一旦外露需要取出植入物，可能留下疤痕或鼻部變形。', frequency: 'uncommon', severity: 'severe' },
        { id: 'displacement', text: '植入物移位或歪斜：植入物偏向一側、上移或可被推動，使鼻樑看起來歪斜或輪廓不自然；常在腫脹消退後才看出，明顯者需要修正手術。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'capsular_contracture', text: '包膜攣縮：身體在植入物周圍形成的包膜逐漸變硬、收縮，可能使鼻尖被往上拉（朝天鼻）、鼻子變短、變硬或疼痛，多在數月至數年後出現，需要修正手術，常需以自體軟骨重建。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'skin_thinning_redness', text: '皮膚變薄、泛紅或透光：植入物上方的皮膚長期受壓，可能變薄、發紅、出現微血管擴張，或透出植入物的輪廓，特別是在鼻尖與鼻背較高處；這也可能是即將外露的警訊，需回診評估。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'calcification', text: '鈣化：矽膠植入物放置多年後，周圍包膜可能鈣化，摸起來變硬、表面凹凸不平或外觀改變；需要時可手術取出或更換。', frequency: 'rare', severity: 'mild' },
        { id: 'nasal_airway', text: '鼻塞或呼吸改變：術後腫脹造成的鼻塞通常在數週內改善；若同時處理鼻中隔、鼻骨或鼻尖結構，少數可能持續鼻塞或嗅覺暫時改變，需要進一步治療。', frequency: 'uncommon', severity: 'mild' },
        { id: 'donor_site', text: '取軟骨處的問題：取耳軟骨處可能疼痛、血腫或耳型輕微改變；取肋軟骨處會留下胸部疤痕、術後疼痛數週，極少數發生氣胸（肺部漏氣）需要處理。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'dissatisfaction_revision', text: '外觀不如預期而需修正：高度、鼻尖形狀、寬窄或對稱性與期待不符，或術後看得出、摸得到植入物邊緣。部分會隨消腫改善；若需修正，一般等 6 個月至 1 年後進行，修正的難度與不確定性較高，費用請事先確認。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'skin_necrosis', text: '鼻部皮膚血流不良或壞死：鼻尖皮膚張力過大、感染，或曾注射填充物使血流較差時，皮膚可能變暗、起水泡甚至壞死，留下疤痕或缺損，可能需要取出植入物與重建手術。', frequency: 'rare', severity: 'severe' },
        { id: 'sedation_risk', text: '鎮靜麻醉相關風險：噁心、嘔吐、頭暈與喉嚨不適較常見且短暫；少數可能發生呼吸變慢、血氧下降、嘔吐物吸入肺部、藥物過敏或心律不整，需要醫療團隊立即處置，極少數可能危及生命。術前確實禁食並如實告知病史與用藥，可降低風險。', frequency: 'rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受手術：鼻型並不影響健康，選擇不手術是完全合理的決定。' },
        { id: 'filler_rhinoplasty', text: '玻尿酸隆鼻（注射）：不需開刀、恢復快，效果約數個月至一年，可以分解酶溶解；但鼻部是注射血管栓塞、皮膚壞死與失明風險最高的部位之一，且能增加的高度與鼻尖延長有限。' },
        { id: 'autologous_only', text: '全自體軟骨隆鼻：只使用您本身的軟骨（常為肋軟骨），沒有人工植入物的排斥與外露問題，但手術較大、取軟骨處會有疤痕與疼痛，軟骨也可能彎曲變形或被部分吸收。' },
        { id: 'other_implant_material', text: '其他植入材料或組合：例如矽膠與膨體聚四氟乙烯（ePTFE）在觸感、組織沾黏、日後取出的難易度與感染風險上各有優缺點；您可以要求醫師說明不同材料的差異後再決定。' },
      ],
      aftercare: `• 術後 48 小時內可在眼周與臉頰間歇冰敷（每次 10–15 分鐘，不要直接壓在鼻子上），睡覺時墊高枕頭、仰睡，避免側睡或趴睡壓到鼻子。
• 夾板與膠布請保持乾燥，不要自行拆除；拆除前洗臉避開鼻部。
• 鼻孔內傷口依醫師指示以棉棒沾生理食鹽水清潔、塗抹藥膏；不要用力擤鼻涕、挖鼻孔，打噴嚏時張口。
• 依醫囑按時服用抗生素與止痛藥，不要自行服用阿斯匹靈或其他止痛消炎藥，除非醫師同意。
• 至少 4–6 週避免鼻部碰撞、擠壓與按摩；暫時避免戴重的框架眼鏡壓在鼻樑上，詳細時間請詢問醫師。
• 2 週內避免飲酒、三溫暖、泡溫泉與劇烈運動；1–2 個月內避免籃球、拳擊等可能撞擊臉部的運動。吸菸會影響癒合並增加感染風險，請避免。
• 3 個月內在鼻部做雷射、電波、音波或注射等療程前，請先與醫師確認。
• 下列情形請立即聯絡本院或前往急診：大量流鼻血無法止住、呼吸困難、發燒合併鼻部紅腫熱痛加劇、傷口流膿、鼻部皮膚發黑或起水泡。
• 任何時候（包括術後數年）發現鼻部皮膚持續泛紅、變薄、透出植入物輪廓，或植入物明顯移動，都請儘早回診，不要等到植入物穿出。
• 請依約回診追蹤。若對鼻型有疑慮，請與醫師討論，不要自行到其他院所注射或處理。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是抗凝血劑、阿斯匹靈或其他抗血小板藥、止痛消炎藥（NSAIDs）、魚油、銀杏、維生素 E，以及減重用的 GLP-1 類藥物（如 semaglutide，可能增加麻醉時嘔吐吸入的風險，需依醫師指示提前暫停）。處方藥請勿自行停用，需與開藥醫師討論。
• 請告知過敏史（特別是麻醉藥、抗生素、矽膠或醫療材料）、高血壓、糖尿病、心肺疾病、睡眠呼吸中止症、凝血異常、蟹足腫體質，以及過去的鼻部手術、鼻部注射玻尿酸或其他填充物的時間與種類。
• 吸菸者請於術前至少 4 週戒菸，並持續至傷口癒合。
• 懷孕、可能懷孕或正在哺乳，請告知，手術將延後。
• 近期若有感冒、鼻竇炎、鼻部或臉部皮膚感染、牙齒感染，請告知，可能需延後手術。
• 鎮靜麻醉前需禁食：一般為術前 8 小時起不吃固體食物，並依醫療團隊指示時間停止飲水；請確實遵守，這是為了降低嘔吐吸入肺部的風險。
• 手術當天請素顏、不要戴隱形眼鏡及首飾，穿著前開式衣物。
• 請安排成人陪同返家；術後 24 小時內不可開車、騎車、操作機械或簽署重要文件。
• 若近期有婚禮、拍照或重要行程，請至少預留 1 個月以上，且鼻型需數個月才穩定。`,
      contraindications: [
        { id: 'anticoagulant', text: '服用抗凝血劑（如 warfarin 或新型口服抗凝血劑）：出血、血腫與鼻出血風險增加，血腫也會增加感染機會；切勿自行停藥，需與開藥醫師討論。', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: '服用阿斯匹靈、clopidogrel 等抗血小板藥物：出血與瘀青風險增加；處方藥請勿自行停用，需與開藥醫師討論。', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: '吸菸：降低鼻部皮膚血流，增加感染、皮膚壞死與植入物外露的風險；建議術前至少 4 週戒菸並持續至癒合。', flaggedBy: ['smoking'] },
        { id: 'immunosuppression', text: '使用免疫抑制劑或全身性類固醇：植入物感染與傷口癒合不良的風險增加，需由醫師評估是否適合使用人工植入物及手術時機。', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'isotretinoin', text: '正在或近期服用口服 A 酸（isotretinoin）：可能影響傷口癒合，鼻部皮膚也會較脆弱，醫師會評估是否延後手術。', flaggedBy: ['isotretinoin'] },
        { id: 'keloid', text: '蟹足腫或增生性疤痕體質：鼻小柱、取耳軟骨或肋軟骨處的疤痕增生風險較高，需與醫師討論切口與材料選擇。', flaggedBy: ['keloid'] },
        { id: 'pregnancy', text: '懷孕中或可能懷孕：選擇性美容手術與鎮靜麻醉應延後至生產後再進行。', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: '哺乳中：麻醉與術後用藥可能影響哺乳，一般建議延後至停止哺乳後再手術，或先與醫師討論。', flaggedBy: ['breastfeeding'] },
        { id: 'prior_nasal_filler_surgery', text: '曾做過鼻部手術或注射填充物（特別是永久性或來源不明的產品）：組織沾黏與血流較差，感染、皮膚壞死與外露風險較高，可能需要先處理殘留物或改變術式。', flaggedBy: [] },
        { id: 'active_infection', text: '鼻部或臉部皮膚感染、鼻竇炎、上呼吸道感染或牙齒感染：需待痊癒後再手術，以降低植入物感染風險。', flaggedBy: [] },
        { id: 'sedation_risk_conditions', text: '睡眠呼吸中止症、嚴重心肺疾病、呼吸道異常或曾有麻醉不良反應：鎮靜麻醉風險較高，需先由醫師評估，可能需要調整麻醉方式或在設備較完整的醫院進行。', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: '未控制的高血壓、糖尿病、凝血功能異常或其他嚴重疾病：需先控制穩定，並由醫師評估是否適合手術。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意；鼻部與臉部骨骼可能仍在發育，醫師通常建議等發育完成後再評估。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timeline',
          question: '隆鼻手術後，鼻型大約多久才會穩定？',
          options: ['拆夾板當天就是最終結果', '約 3–6 個月逐漸穩定，鼻尖細微腫脹可能需要 6 個月至 1 年才完全消退', '約 1 週', '永遠會一直腫'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_severe_warning',
          question: '術後（甚至數年後）發現鼻尖皮膚持續泛紅、變薄、透出植入物輪廓，或鼻部紅腫熱痛合併流膿，應該怎麼做？',
          options: ['自己擦消炎藥膏，等它自然好', '這是正常現象，不需要處理', '等植入物真的穿出來再回診', '儘早回診或聯絡本院，這可能是感染或植入物即將外露的徵兆'],
          correctIndex: 3,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: '關於術後照護，下列何者正確？',
          options: ['仰睡並墊高枕頭，不自行拆夾板，避免碰撞、擠壓鼻子與用力擤鼻涕', '拆線後就可以用力按摩鼻子，讓它更挺', '術後隔天就可以打籃球、泡溫泉', '可以戴很重的眼鏡壓在鼻樑上，不會影響'],
          correctIndex: 0,
          topic: 'aftercare',
        },
        {
          id: 'q_implant_lifetime',
          question: '關於鼻部人工植入物，下列敘述何者正確？',
          options: ['植入物保證終身不會出問題', '植入物放入後會自己被身體吸收，不用擔心', '植入物是留在體內的異物，可能因感染、移位、攣縮或外觀改變，日後需要修正、取出或更換'],
          correctIndex: 2,
          topic: 'limitations',
        },
      ],
    },
    en: {
      title: 'Rhinoplasty with implant: explanation sheet',
      purpose: `Augmentation rhinoplasty places an implant and/or your own cartilage along the bridge (dorsum) and/or the tip of the nose to raise the bridge and adjust the height and shape of the tip, improving a low, flat bridge, a rounded tip or a short columella. Common materials are artificial implants (for example medical-grade silicone or expanded polytetrafluoroethylene, ePTFE) and cartilage taken from your own body (ear, septal or rib cartilage). The surgeon will assess you and discuss the actual materials and combination with you, and these are recorded on the surgical consent form.

This is a cosmetic procedure to change appearance; it is not needed to treat a disease. Whether to have surgery, which materials to use, and the height and shape you want are your decisions, made once you fully understand them. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and design: the surgeon examines the thickness of your nasal skin, the bony and cartilage framework, the septum and your breathing, and any previous nasal surgery or injections (especially hyaluronic acid or other fillers), takes pre-operative photographs, and discusses the height, tip shape and the advantages and drawbacks of each material with you.
2. Anaesthesia: the operation is done under intravenous sedation combined with local anaesthesia. During sedation you will be lightly asleep or drowsy, and your oxygen level, heart rate and blood pressure are monitored throughout; if needed, the team will support your airway. The doctor giving the anaesthesia will explain its method and risks separately.
3. Incisions: usually inside the nostrils (closed approach), or inside the nostrils plus a small incision across the underside of the columella (open approach). The open approach leaves a small scar on the columella that is usually inconspicuous.
4. Placing the implant: a pocket of suitable size is made under the periosteum or above the cartilage of the bridge, and an implant carved to fit your nose is placed along the bridge. The tip is usually raised or lengthened with your own cartilage (ear, septal or rib) to reduce the risk of an artificial implant pressing against the tip skin. Taking ear cartilage leaves a small incision behind or in front of the ear; taking rib cartilage leaves an incision of a few centimetres below the chest.
5. Closure and splinting: incisions are closed with fine sutures, a little packing may be placed in the nostrils, and the bridge is held with tape and a splint. The splint and external sutures are removed at a visit after about 5–7 days (sutures inside the nostrils are usually absorbable).
6. Observation: you are observed in the recovery area until you are awake, your vital signs are stable and you can walk normally.

The operation takes about 1–3 hours depending on its extent. An adult must take you home on the day, and for 24 hours you must not drive, ride a scooter, operate machinery or sign important documents.`,
      expectedResult: `The height of the bridge and tip changes immediately, but at first swelling makes the nose look wider, higher and less natural, and the tip may feel firm and look turned up.

• Most swelling and bruising settle after about 2–3 weeks, and everyday appearance is acceptable.
• The shape gradually settles over about 3–6 months; subtle swelling and stiffness of the tip may take 6 months to a year to resolve completely.

Surgery offers improvement, not perfection. The result is limited by your skin thickness and your existing bone and cartilage; perfect symmetry cannot be guaranteed, nor can a match to a reference photograph. An artificial implant is a foreign body that stays in your body and is not guaranteed for life; it may later need to be removed or replaced because of complications, ageing or a change in the look you want.`,
      recoveryTimeline: `• Day of surgery to day 3: swelling and bruising of the nose and around the eyes, a blocked nose, slight nosebleeds or discharge, mouth breathing; dry mouth and sore throat.
• Days 5–7: visit to remove the splint and sutures; bruising turns yellow and fades. Most people return to ordinary work after about 1–2 weeks.
• Weeks 2–4: most swelling has gone and the blockage improves; the nose is still fragile and must be protected from knocks.
• Months 1–3: swelling of the bridge continues to settle; the tip may still feel somewhat firm and numb.
• Months 3–12: the shape gradually settles, and tip swelling and numbness are the last to go. Whether a revision is needed is normally assessed after 6 months to a year (complications such as infection or an exposed implant need immediate attention).`,
      limitations: `• With thick skin, definition of the tip is harder to show; with thin skin, the edges of the implant are more easily seen or felt.
• How much height can be added is limited by how far the skin and soft tissue can stretch. A design that is too high, too long or too upturned increases the risk of skin thinning, redness and implant exposure, so the surgeon may recommend a conservative height.
• Augmentation mainly changes the height and shape of the bridge and tip. Wide nostrils, a wide or humped nasal bone, a crooked nose, or a blocked nose from a deviated septum need additional surgery, which may increase the extent and risks of the operation.
• An artificial implant becomes surrounded by a capsule and may later shift, contract, calcify or become infected; one operation does not necessarily last a lifetime, and at some point revision, removal or replacement may be needed.
• After previous hyaluronic acid or other fillers (especially permanent or unidentified products) or previous nasal surgery, tissue may be scarred or have poorer blood supply, so the risk of complications is higher and the result less predictable.
• Revision surgery is usually more difficult than the first operation, may require your own cartilage (even rib cartilage), and its result is less certain.`,
      risks: [
        { id: 'swelling_bruising', text: 'Swelling, bruising, a blocked nose and slight nosebleeds: happen to almost everyone, are worst in the first 3 days, and bruising usually fades within 2 weeks; subtle swelling of the tip can last several months.', frequency: 'common', severity: 'mild' },
        { id: 'infection', text: 'Infection: increasing redness, swelling, warmth or pain of the nose, fever, or pus from the wound or nostril. Early infection can be treated with antibiotics, but infection around an implant is often hard to control with medicines alone and the implant may have to be removed, with replacement considered only months later.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'implant_extrusion', text: 'Implant exposure or extrusion: the implant presses on the skin or lining so that the skin thins and reddens and eventually the implant comes through at the tip, inside the nostril or through the wound. This mostly happens with too much tension at the tip, after infection or after injury; once exposed, the implant must be removed, which can leave a scar or a deformed nose.', frequency: 'uncommon', severity: 'severe' },
        { id: 'displacement', text: 'Implant displacement or deviation: the implant shifts to one side, moves upward or can be pushed around, making the bridge look crooked or the outline unnatural. This often becomes apparent only after swelling settles; clear cases need revision surgery.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'capsular_contracture', text: 'Capsular contracture: the capsule the body forms around the implant gradually hardens and tightens, which can pull the tip upwards (an upturned nose) and make the nose shorter, harder or painful. It usually appears months to years later and needs revision surgery, often with reconstruction using your own cartilage.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'skin_thinning_redness', text: 'Skin thinning, redness or show-through: long-term pressure on the skin over the implant can make it thin and red, cause small visible blood vessels, or let the outline of the implant show, especially at the tip and the highest part of the bridge. This can also be a warning that exposure is coming and needs a visit.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'calcification', text: 'Calcification: after a silicone implant has been in place for many years, the capsule around it may calcify, feeling hard or lumpy or changing the appearance; if needed the implant can be removed or replaced surgically.', frequency: 'rare', severity: 'mild' },
        { id: 'nasal_airway', text: 'Blocked nose or change in breathing: blockage from swelling usually improves within weeks. If the septum, nasal bones or tip framework are also altered, a few people have lasting blockage or a temporary change in smell and need further treatment.', frequency: 'uncommon', severity: 'mild' },
        { id: 'donor_site', text: 'Problems where cartilage is taken: the ear may be painful, develop a haematoma or change slightly in shape; taking rib cartilage leaves a chest scar and pain for several weeks, and very rarely causes a pneumothorax (air leak from the lung) that needs treatment.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'dissatisfaction_revision', text: 'Result not as hoped, needing revision: the height, tip shape, width or symmetry is not what you expected, or the edge of the implant can be seen or felt. Some of this improves as swelling settles; revision is normally done after 6 months to a year, is more difficult and less predictable, and its cost should be confirmed in advance.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'skin_necrosis', text: 'Poor blood supply or death of nasal skin: with too much tension on the tip skin, infection, or reduced blood supply after previous filler injections, the skin may darken, blister or die, leaving a scar or defect; implant removal and reconstructive surgery may be needed.', frequency: 'rare', severity: 'severe' },
        { id: 'sedation_risk', text: 'Risks of sedation: nausea, vomiting, dizziness and a sore throat are fairly common and brief. Occasionally breathing slows, oxygen levels fall, vomit is inhaled into the lungs, or an allergic reaction or irregular heartbeat occurs, needing immediate treatment by the team; very rarely this can be life-threatening. Fasting properly and giving a full history of illnesses and medicines reduce the risk.', frequency: 'rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No surgery: the shape of your nose does not affect your health, and choosing not to have surgery is an entirely reasonable decision.' },
        { id: 'filler_rhinoplasty', text: 'Filler (hyaluronic acid) rhinoplasty: no incision and a quick recovery; it lasts months to about a year and can be dissolved with an enzyme. However, the nose is one of the highest-risk areas for vascular occlusion, skin necrosis and blindness from injections, and the added height and tip lengthening are limited.' },
        { id: 'autologous_only', text: 'Rhinoplasty using only your own cartilage: uses only your own cartilage (often rib), so there is no rejection or exposure of an artificial implant, but the operation is bigger, the donor site is scarred and painful, and the cartilage may warp or be partly absorbed.' },
        { id: 'other_implant_material', text: 'Another implant material or combination: silicone and expanded polytetrafluoroethylene (ePTFE), for example, differ in feel, tissue ingrowth, ease of later removal and infection risk; you may ask the surgeon to explain the differences before deciding.' },
      ],
      aftercare: `• For the first 48 hours you may apply cold packs intermittently around the eyes and cheeks (10–15 minutes at a time, not pressing on the nose). Sleep on your back with your head raised on extra pillows, and avoid sleeping on your side or front.
• Keep the splint and tape dry and do not remove them yourself; until they are off, wash your face around the nose.
• Clean the wounds inside the nostrils with cotton buds and saline and apply ointment as instructed. Do not blow your nose hard or pick it, and sneeze with your mouth open.
• Take antibiotics and painkillers on time as prescribed; do not take aspirin or other anti-inflammatory painkillers on your own unless the surgeon agrees.
• For at least 4–6 weeks avoid knocking, squeezing or massaging your nose, and for now avoid heavy glasses resting on the bridge; ask the surgeon for how long.
• For 2 weeks avoid alcohol, saunas, hot springs and strenuous exercise; for 1–2 months avoid basketball, boxing and other sports that could hit the face. Smoking impairs healing and increases infection risk; please avoid it.
• For 3 months, check with the surgeon before any laser, radiofrequency, ultrasound or injection treatment on the nose.
• Contact the clinic at once or go to an emergency department if you have heavy nosebleeding that will not stop, difficulty breathing, fever with increasing redness, swelling, warmth or pain of the nose, pus from a wound, or darkening or blistering of the nasal skin.
• At any time, including years later, if the skin of the nose stays red, becomes thin or shows the outline of the implant, or the implant clearly moves, come back early; do not wait until the implant comes through.
• Attend your follow-up appointments. If you have concerns about the shape, discuss them with the surgeon rather than having injections or treatment elsewhere.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially anticoagulants, aspirin or other antiplatelet medicines, anti-inflammatory painkillers (NSAIDs), fish oil, ginkgo and vitamin E, as well as GLP-1 weight-loss medicines (such as semaglutide, which may increase the risk of inhaling vomit under anaesthesia and need to be paused in advance as instructed). Do not stop prescription medicines on your own; discuss this with the doctor who prescribed them.
• Tell us about allergies (especially to anaesthetics, antibiotics, silicone or medical materials), high blood pressure, diabetes, heart or lung disease, sleep apnoea, bleeding disorders and a tendency to keloids, as well as previous nasal surgery and when and what fillers were injected into your nose.
• If you smoke, please stop at least 4 weeks before surgery and stay off cigarettes until the wounds have healed.
• If you are pregnant, may be pregnant or are breastfeeding, tell us; surgery will be postponed.
• If you have recently had a cold, sinusitis, a skin infection of the nose or face, or a dental infection, tell us; surgery may need to be postponed.
• You must fast before sedation: usually no solid food from 8 hours before surgery, and stop drinking at the time the team tells you. Please follow this strictly; it reduces the risk of vomit entering the lungs.
• On the day of surgery, come without make-up, contact lenses or jewellery, and wear clothing that opens at the front.
• Arrange for an adult to take you home; for 24 hours after surgery do not drive, ride a scooter, operate machinery or sign important documents.
• If you have a wedding, photographs or an important trip coming up, allow at least a month, and remember the shape takes several months to settle.`,
      contraindications: [
        { id: 'anticoagulant', text: 'Taking anticoagulants (such as warfarin or a direct oral anticoagulant): higher risk of bleeding, haematoma and nosebleeds, and a haematoma raises the chance of infection. Never stop on your own; discuss it with the prescribing doctor.', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: 'Taking aspirin, clopidogrel or other antiplatelet medicines: higher risk of bleeding and bruising. Do not stop a prescribed medicine on your own; discuss it with the prescribing doctor.', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: 'Smoking: reduces blood flow to the nasal skin and raises the risk of infection, skin necrosis and implant exposure; stopping at least 4 weeks before surgery and until healed is advised.', flaggedBy: ['smoking'] },
        { id: 'immunosuppression', text: 'Taking immunosuppressants or systemic steroids: higher risk of implant infection and poor wound healing; the surgeon will assess whether an artificial implant is suitable and when to operate.', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'isotretinoin', text: 'Currently or recently taking oral isotretinoin: may affect wound healing and make the nasal skin more fragile; the surgeon will assess whether to postpone surgery.', flaggedBy: ['isotretinoin'] },
        { id: 'keloid', text: 'Tendency to keloids or hypertrophic scars: higher risk of thickened scars on the columella or where ear or rib cartilage is taken; discuss incisions and materials with the surgeon.', flaggedBy: ['keloid'] },
        { id: 'pregnancy', text: 'Pregnant or possibly pregnant: elective cosmetic surgery and sedation should be postponed until after delivery.', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: 'Breastfeeding: anaesthetic and post-operative medicines may affect breastfeeding; surgery is generally postponed until breastfeeding has stopped, or discussed with the surgeon first.', flaggedBy: ['breastfeeding'] },
        { id: 'prior_nasal_filler_surgery', text: 'Previous nasal surgery or filler injections (especially permanent or unidentified products): scarring and poorer blood supply raise the risk of infection, skin necrosis and exposure; residual material may need treating first or the technique may change.', flaggedBy: [] },
        { id: 'active_infection', text: 'Skin infection of the nose or face, sinusitis, upper respiratory infection or dental infection: surgery should wait until it has cleared, to reduce the risk of implant infection.', flaggedBy: [] },
        { id: 'sedation_risk_conditions', text: 'Sleep apnoea, serious heart or lung disease, an abnormal airway or a previous bad reaction to anaesthesia: higher sedation risk; a doctor must assess this first, and the anaesthetic method or setting (a better-equipped hospital) may need to change.', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: 'Uncontrolled high blood pressure, diabetes, bleeding disorder or other serious illness: must be controlled first, and the surgeon will assess whether surgery is suitable.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18: a legal guardian must also consent; the nose and facial bones may still be growing, and the surgeon usually advises waiting until growth is complete.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timeline',
          question: 'After rhinoplasty, roughly how long does the shape of the nose take to settle?',
          options: ['The final result is there the day the splint comes off', 'It settles gradually over about 3–6 months, and subtle tip swelling may take 6 months to a year to go', 'About 1 week', 'It will stay swollen for ever'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_severe_warning',
          question: 'After surgery (even years later), the skin of the tip stays red, becomes thin or shows the outline of the implant, or the nose becomes red, swollen, warm and painful with pus. What should you do?',
          options: ['Apply an anti-inflammatory cream yourself and wait for it to get better', 'This is normal and needs no attention', 'Wait until the implant actually comes through before returning', 'Return or contact the clinic early: this may be infection or a sign the implant is about to come through'],
          correctIndex: 3,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: 'Which of the following about aftercare is correct?',
          options: ['Sleep on your back with your head raised, do not remove the splint yourself, and avoid knocking or squeezing your nose or blowing it hard', 'Once the sutures are out you can massage the nose firmly to make it higher', 'You can play basketball and go to a hot spring the day after surgery', 'Heavy glasses can rest on the bridge without any effect'],
          correctIndex: 0,
          topic: 'aftercare',
        },
        {
          id: 'q_implant_lifetime',
          question: 'Which statement about artificial nasal implants is correct?',
          options: ['The implant is guaranteed never to cause problems for life', 'The implant is absorbed by the body after placement, so there is nothing to worry about', 'The implant is a foreign body that stays in the body and may later need revision, removal or replacement because of infection, displacement, contracture or a change in appearance'],
          correctIndex: 2,
          topic: 'limitations',
        },
      ],
    },
  },
};
