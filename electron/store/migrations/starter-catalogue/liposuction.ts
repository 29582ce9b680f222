import type { StarterProcedure } from './types';

/** 抽脂手術 — starter explanation sheet (frozen with migration 0040). */
export const liposuction: StarterProcedure = {
  code: 'liposuction',
  nameZh: '抽脂手術',
  nameEn: 'Liposuction',
  category: 'surgical',
  anaesthesia: 'general',
  witnessRequired: true,
  coolingOffDays: 14,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問傷口、疼痛與出血（滲液）情形，確認有無胸痛、喘、小腿腫痛、頭暈或口周麻木等警訊' },
    { id: 'd6_physician', dayOffset: 6, role: 'physician', method: 'visit', focus: '回診拆線與傷口檢查：感染、血清腫或血腫、皮膚顏色，確認塑身衣穿著是否合適' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：塑身衣穿著、下床活動與飲水、瘀青腫脹及麻木感，回答照護問題' },
    { id: 'd30_consultant', dayOffset: 30, role: 'consultant', method: 'phone', focus: '了解目前外觀與原本期待是否相符，以及病人的心情；提醒曲線需 3–6 個月才穩定' },
  ],
  templates: {
    'zh-TW': {
      title: '抽脂手術說明書',
      purpose: `抽脂手術是以細長的抽脂管，經由皮膚上的小切口，抽除特定部位（例如腹部、腰側、大腿、手臂、背部）的皮下脂肪，以改善局部脂肪堆積、調整身體曲線。

抽脂是「局部雕塑」的手術，不是減重方法，也不能治療肥胖或改善代謝疾病。本手術屬於改善外觀的美容醫療，並非治療疾病所必需。是否接受手術、抽脂的部位與範圍，都由您在充分了解後決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 術前評估與設計：醫師會了解您的體重變化、健康狀況與用藥，檢查各部位的脂肪厚度、皮膚彈性、肌肉層與是否有疝氣或腹部手術疤痕，並安排術前檢查（例如抽血、心電圖，視年齡與病史加做胸部 X 光）。手術前會在您站立時畫出抽脂範圍並拍照。
2. 麻醉：本手術採全身麻醉，由麻醉專科醫師執行並全程監測生命徵象；麻醉的方式與風險，麻醉醫師會另外向您說明並請您簽署麻醉同意書。
3. 注射腫脹液：經由數個約 3–5 毫米的小切口，在抽脂部位注入大量含局部麻醉藥（lidocaine）與腎上腺素的生理食鹽水（腫脹液），以減少出血與術後疼痛。
4. 抽脂：以抽脂管在皮下脂肪層來回移動抽出脂肪，可能搭配動力輔助、超音波或其他輔助設備，醫師會依部位選擇。抽出的量與範圍會依安全原則（包括法規與您的體重、健康狀況）控制，並記錄於病歷。
5. 結束與包紮：切口以縫線縫合或保留開放讓腫脹液流出，部分情況會放置引流管；包紮後穿上塑身衣（壓力衣）。
6. 觀察：術後在恢復室觀察至清醒、生命徵象穩定、可以排尿與下床行走；範圍較大或抽脂量較多時，可能需要住院觀察一晚。

手術時間依部位與範圍約 1–4 小時。出院時須由成人陪同，24 小時內不可開車、騎車、操作機械或簽署重要文件。`,
      expectedResult: `抽脂後局部的脂肪層會變薄、曲線變得較平順，但最初因為腫脹與塑身衣的壓力，外觀常常比最終結果更腫、更不平整。

• 約 2–4 週大部分瘀青消退，腫脹明顯減少。
• 約 3 個月外觀大致成形；腫脹、硬塊與皮膚緊縮需要 3–6 個月，部分部位（如小腿、手臂）可能更久，才接近最終結果。

抽除的脂肪細胞不會再長回來，但留下的脂肪細胞仍會隨體重增加而變大；術後若體重上升，曲線可能改變，脂肪也可能堆積在其他部位。手術能帶來的是「改善」，不是「完美」：無法保證兩側完全對稱、皮膚完全平滑，也無法保證達到某張參考照片的樣子。`,
      recoveryTimeline: `• 手術當天至第 2 天：切口會滲出帶血色的腫脹液，這是正常的；抽脂部位痠痛、腫脹，活動時疼痛較明顯。請盡早在家人協助下下床走動。
• 第 3–7 天：瘀青最明顯，腫脹持續；多數人可從事輕度日常活動。約第 5–7 天回診拆線與檢查傷口。
• 第 1–2 週：視範圍而定，多數可回到非勞力的工作；仍需全天穿著塑身衣。
• 第 2–6 週：瘀青消退，腫脹逐漸減少，可能摸到硬塊、皮膚麻木或刺痛，多會慢慢改善；一般約 4–6 週後依醫師指示恢復運動。
• 第 3–6 個月：腫脹與硬塊大致消退，曲線接近最終結果；麻木感有時需要更久才恢復。是否需要修正，一般在 6 個月後評估。`,
      limitations: `• 抽脂不是減重手術，體重下降通常不明顯，也不會改善血壓、血糖等代謝問題；最適合體重接近理想且穩定、只有局部脂肪堆積的人。
• 抽脂只能處理皮下脂肪，無法減少腹腔內（內臟）脂肪，也無法改善因懷孕或體重變化造成的腹直肌分離與鬆垂的肚皮。
• 抽脂不會讓皮膚拉緊；皮膚彈性不佳的人，抽脂後可能更鬆垂或出現皺摺，可能需要腹部整形等切除皮膚的手術。
• 橘皮組織（蜂窩組織外觀）與妊娠紋不會因抽脂而改善，甚至可能更明顯。
• 為了安全，單次抽脂的量與範圍有限制；範圍較大時可能需要分次手術。
• 兩側原本的不對稱、骨架與肌肉形狀會影響結果；抽得過多或過淺可能造成凹陷與不平整，而凹陷比剩餘的脂肪更難修正，因此醫師會保守抽取。
• 若需要修正，一般需等 6 個月以上組織穩定後再評估，修正的效果也較難預測。`,
      risks: [
        { id: 'bruising_swelling', text: '瘀青、腫脹與疼痛：幾乎每個人都會發生，瘀青多在 2–4 週內消退；腫脹可持續數個月，使最終曲線較晚出現。', frequency: 'common', severity: 'mild' },
        { id: 'numbness', text: '感覺異常：抽脂部位皮膚麻木、刺痛或感覺過敏，多數在數週至數月內逐漸恢復，少數可能持續較久或留下部分麻木。', frequency: 'common', severity: 'mild' },
        { id: 'contour_irregularity', text: '凹凸不平、不對稱或鬆垂：表面出現凹陷、波浪狀、兩側不一致，或皮膚鬆垂皺摺。部分會隨消腫與按摩改善；持續者可能需要修正手術或脂肪移植，修正效果不一定完美。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'seroma', text: '血清腫（積液）：抽脂部位皮下累積組織液，表現為局部鼓起、有波動感，可能需要在門診以針筒抽出一次或多次，少數需要放置引流。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'scar_pigmentation', text: '切口疤痕與色素變化：小切口通常不明顯，但可能增生、顏色變深，或因抽脂管摩擦造成切口周圍皮膚損傷；抽脂部位也可能出現色素沉著，多數會逐漸淡化。', frequency: 'uncommon', severity: 'mild' },
        { id: 'haematoma_bleeding', text: '血腫或出血：術後持續出血或皮下積血，需要壓迫、抽除或回手術室處理；大範圍抽脂時失血較多，極少數可能需要輸血。', frequency: 'rare', severity: 'moderate' },
        { id: 'infection', text: '感染：切口或抽脂部位紅、腫、熱、痛加劇、發燒或流膿，多數以抗生素與傷口照護即可改善；極罕見的嚴重軟組織感染（如壞死性筋膜炎）會迅速惡化，需要緊急手術清創。', frequency: 'rare', severity: 'moderate' },
        { id: 'skin_necrosis', text: '皮膚壞死：抽得過淺、過度，或吸菸、壓力過大造成局部皮膚血流不足，可能使皮膚變黑、起水泡、破皮，留下疤痕，可能需要換藥或手術修補。', frequency: 'rare', severity: 'severe' },
        { id: 'lidocaine_toxicity', text: '局部麻醉藥（lidocaine）中毒：腫脹液中的麻醉藥若吸收過多，可能出現口周或舌頭麻木、金屬味、耳鳴、頭暈、意識混亂，嚴重時抽搐或心律不整。血中濃度可能在術後數小時至十多個小時才達高峰，醫師會依體重計算安全劑量；出現上述症狀請立即就醫。', frequency: 'rare', severity: 'severe' },
        { id: 'embolism', text: '深部靜脈血栓、肺栓塞或脂肪栓塞：腿部靜脈形成血栓，或血栓、脂肪顆粒隨血流阻塞肺部血管，表現為小腿腫痛、突然胸痛、喘、心跳快、血氧下降，脂肪栓塞也可能出現意識改變或皮膚出血點。此類併發症極罕見，但可能致命，需要立即急診治療。早期下床活動、充足飲水與必要時的預防措施可降低風險。', frequency: 'very_rare', severity: 'severe' },
        { id: 'visceral_perforation', text: '內臟或腹壁穿刺傷：抽脂管意外穿過腹壁或胸壁，傷及腸道、腹腔或胸腔器官（如造成氣胸）。極罕見，但屬嚴重併發症，表現為持續加劇的腹痛、腹脹、發燒或呼吸困難，需要緊急手術；有疝氣或腹部手術疤痕者風險較高，術前務必告知。', frequency: 'very_rare', severity: 'severe' },
        { id: 'anaesthesia_risk', text: '全身麻醉相關風險：喉嚨痛、聲音沙啞、噁心嘔吐、頭暈較常見且短暫；嚴重的麻醉併發症如嚴重過敏、吸入性肺炎、心肌梗塞或中風極罕見，但可能危及生命。麻醉醫師會另外說明並評估您的個別風險。', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受手術：局部脂肪堆積並不影響健康，選擇不手術是完全合理的決定。' },
        { id: 'lifestyle_weight_management', text: '飲食、運動與體重管理：對整體健康與全身脂肪最有幫助，也可在醫師指導下進行減重治療；但難以針對特定部位減脂，需要長期持續。' },
        { id: 'non_surgical_contouring', text: '非手術體雕（如冷凍減脂、高能量聚焦超音波或電波等體雕儀器）：不需開刀或麻醉、恢復期短，但每次減少的脂肪有限，效果漸進，常需多次療程，效果也較不易預測。' },
        { id: 'abdominoplasty', text: '腹部整形（拉皮）：若主要問題是皮膚鬆垂、妊娠紋或腹直肌分離，切除多餘皮膚並修補肌肉的腹部整形比單純抽脂更適合，但傷口與疤痕較大、恢復期較長、風險也較高。' },
      ],
      aftercare: `• 依醫師指示全天穿著塑身衣（壓力衣）約 4–8 週，只在洗澡時脫下；穿著時注意有無過緊、皮膚壓傷或麻痛加劇。
• 術後當天起就要在協助下下床走動，之後每天多次散步，並充分喝水，以降低血栓風險；避免長時間躺臥或久坐。
• 前 1–2 天切口滲出帶血色液體屬正常，請依指示更換紗布或護墊；滲液量突然大增或變成鮮紅色持續流血，請聯絡本院。
• 依醫囑服用止痛藥與抗生素；不要自行服用阿斯匹靈或其他止痛消炎藥，除非醫師同意。
• 拆線前傷口保持乾燥，可依指示淋浴，但 4 週內避免泡澡、泡溫泉、游泳與三溫暖。
• 約 4–6 週內避免劇烈運動與提重物，之後依醫師指示逐步恢復；吸菸與飲酒會影響恢復，請避免。
• 醫師可能建議術後一段時間進行按摩或淋巴引流，請依指示進行，不要自行用力推揉。
• 術後 1–2 週內避免長途飛行或長時間搭車；若必須，請先與醫師討論預防血栓的方法。
• 下列情形請立即撥打 119 或前往急診，並告知剛做過抽脂手術：突然胸痛、喘或呼吸困難、心跳很快、咳血、意識混亂或抽搐、口周麻木合併耳鳴頭暈、單側小腿腫痛、腹痛持續加劇合併腹脹或發燒。
• 傷口紅、腫、熱、痛加劇、發燒、流膿，或皮膚變黑、起水泡，請儘速回診。
• 請依約回診追蹤。曲線需要 3–6 個月才穩定，請維持穩定體重，並在追蹤時與醫師討論您的疑慮。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是抗凝血劑、阿斯匹靈或其他抗血小板藥、止痛消炎藥（NSAIDs）、魚油、銀杏、維生素 E、口服避孕藥或荷爾蒙藥物（可能增加血栓風險），以及減重用的 GLP-1 類藥物（如 semaglutide，可能增加麻醉時嘔吐吸入的風險，需依醫師指示提前暫停）。處方藥請勿自行停用，需與開藥醫師討論。
• 請告知過敏史（特別是麻醉藥、lidocaine、抗生素）、心臟病、肝病、腎臟病、高血壓、糖尿病、凝血異常、過去血栓病史或家族史、疝氣、腹部手術史、蟹足腫體質，以及過去的抽脂或體雕療程。
• 吸菸者請於術前至少 4 週戒菸，並持續至傷口癒合。
• 懷孕、可能懷孕或正在哺乳，請告知，手術將延後。
• 請依指示完成術前檢查（抽血、心電圖等），並於術前維持穩定體重。
• 全身麻醉前需禁食：一般為術前 8 小時起不吃固體食物，並依醫療團隊指示時間停止飲水；請確實遵守，這是為了降低嘔吐吸入肺部的風險。
• 手術當天請沐浴清潔、不要擦乳液，不要戴首飾及隱形眼鏡，穿著寬鬆、前開式衣物；請攜帶或預先準備合適尺寸的塑身衣。
• 請安排成人陪同返家並在術後第一晚陪伴；24 小時內不可開車、騎車、操作機械或簽署重要文件。
• 請預留至少 1–2 週的休養時間，並避免術後 2 週內安排長途旅行。`,
      contraindications: [
        { id: 'anticoagulant', text: '服用抗凝血劑（如 warfarin 或新型口服抗凝血劑）：出血、血腫與需要輸血的風險增加；切勿自行停藥，需與開藥醫師討論是否及如何暫停。', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: '服用阿斯匹靈、clopidogrel 等抗血小板藥物：出血與瘀青風險增加；處方藥請勿自行停用，需與開藥醫師討論。', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: '吸菸：降低皮膚血流並增加麻醉與血栓風險，使感染、傷口癒合不良與皮膚壞死機會上升；建議術前至少 4 週戒菸並持續至癒合。', flaggedBy: ['smoking'] },
        { id: 'immunosuppression', text: '使用免疫抑制劑或全身性類固醇：感染與傷口癒合不良的風險增加，需由醫師評估是否適合手術及時機。', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'keloid', text: '蟹足腫或增生性疤痕體質：切口疤痕增生的風險較高，需與醫師討論切口位置與疤痕照護。', flaggedBy: ['keloid'] },
        { id: 'pregnancy', text: '懷孕中或可能懷孕：選擇性美容手術與全身麻醉應延後；產後也建議體重穩定後再評估。', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: '哺乳中：麻醉與術後用藥可能影響哺乳，產後身形也仍在變化，一般建議停止哺乳且體重穩定後再手術。', flaggedBy: ['breastfeeding'] },
        { id: 'thrombosis_history', text: '曾有深部靜脈血栓或肺栓塞、凝血傾向、使用荷爾蒙藥物或近期長途飛行：血栓風險較高，需先由醫師評估並可能需要預防措施或改變計畫。', flaggedBy: [] },
        { id: 'hernia_abdominal_surgery', text: '疝氣、腹壁缺損或曾接受腹部手術：腹部抽脂時內臟穿刺傷的風險增加，需先詳細檢查（必要時安排影像檢查），可能需要排除部分範圍。', flaggedBy: [] },
        { id: 'obesity_unstable_weight', text: '明顯肥胖或體重仍在大幅變化：抽脂無法取代減重，手術風險較高、效果也不理想，一般建議先達到穩定體重。', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: '未控制的心臟病、肺病、肝腎疾病、高血壓、糖尿病或凝血功能異常：全身麻醉與麻醉藥代謝的風險增加，需先控制穩定並經醫師評估。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意；身形仍在變化，醫師會特別審慎評估手術的必要性，通常不建議。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_not_weight_loss',
          question: '關於抽脂手術的效果，下列何者正確？',
          options: ['抽脂是有效的減重方法，可以取代飲食與運動', '抽脂可以同時把鬆垂的皮膚拉緊、消除橘皮組織', '抽脂是局部雕塑，體重下降不明顯；曲線約需 3–6 個月才穩定，術後體重增加仍會影響結果', '手術完當天就能看到最終結果'],
          correctIndex: 2,
          topic: 'expected_result',
        },
        {
          id: 'q_severe_warning',
          question: '術後若突然胸痛、喘、心跳很快，或口周麻木合併耳鳴、意識混亂，應該怎麼做？',
          options: ['先睡一覺，明天回診再說', '立即撥打 119 或前往急診，並告知剛做過抽脂手術', '把塑身衣穿得更緊一點', '多喝水就會好'],
          correctIndex: 1,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: '關於術後照護，下列何者正確？',
          options: ['術後一週都應該躺在床上不要動', '塑身衣穿一兩天就可以不用穿', '術後隔天就可以泡溫泉、做重量訓練', '依指示持續穿塑身衣數週，術後盡早下床走動並充分喝水，以降低血栓風險'],
          correctIndex: 3,
          topic: 'aftercare',
        },
        {
          id: 'q_revision',
          question: '若術後出現凹凸不平或兩側不對稱，下列何者正確？',
          options: ['部分會隨消腫改善；持續者可能需要修正手術，一般在 6 個月以上組織穩定後再評估，效果也不一定完美', '一定會自己完全消失，不需要處理', '應在術後第一週馬上再抽一次'],
          correctIndex: 0,
          topic: 'limitations',
        },
      ],
    },
    en: {
      title: 'Liposuction: explanation sheet',
      purpose: `Liposuction removes subcutaneous fat from specific areas (for example the abdomen, flanks, thighs, arms or back) using a thin cannula inserted through small skin incisions, to reduce localised fat deposits and reshape the body contour.

Liposuction is a procedure for local contouring. It is not a way to lose weight, and it does not treat obesity or improve metabolic disease. This is a cosmetic procedure to change appearance; it is not needed to treat a disease. Whether to have surgery, and which areas and how much to treat, are your decisions, made once you fully understand them. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and design: the surgeon asks about changes in your weight, your health and medicines, examines the fat thickness, skin elasticity and muscle layer of each area and looks for hernias or abdominal surgical scars, and arranges pre-operative tests (for example blood tests and an ECG, plus a chest X-ray depending on age and history). Before surgery the treatment areas are marked while you stand, and photographs are taken.
2. Anaesthesia: the operation is done under general anaesthesia given by a specialist anaesthesiologist, who monitors your vital signs throughout. The anaesthesiologist will explain the method and its risks separately and ask you to sign an anaesthesia consent form.
3. Tumescent infiltration: through several small incisions of about 3–5 mm, a large volume of saline containing a local anaesthetic (lidocaine) and adrenaline (tumescent fluid) is injected into the treatment areas to reduce bleeding and post-operative pain.
4. Suction: the cannula is moved back and forth in the fat layer under the skin to remove fat, possibly assisted by power-assisted, ultrasound or other devices chosen by the surgeon for each area. The amount removed and the extent are limited by safety principles (including regulations and your weight and health) and recorded in your medical record.
5. Closure and dressing: incisions are closed with sutures or left open to let tumescent fluid drain; drains are placed in some cases. After dressing, a compression garment is put on.
6. Observation: you are observed in the recovery room until you are awake, your vital signs are stable, and you can pass urine and walk; after a larger procedure or a larger volume you may need to stay overnight.

The operation takes about 1–4 hours depending on the areas and extent. An adult must accompany you when you leave, and for 24 hours you must not drive, ride a scooter, operate machinery or sign important documents.`,
      expectedResult: `After liposuction the fat layer in the treated area is thinner and the contour smoother, but at first swelling and the pressure of the garment often make the area look more swollen and less even than the final result.

• Most bruising fades and swelling clearly reduces within about 2–4 weeks.
• The shape is broadly established by about 3 months; swelling, firmness and skin tightening take 3–6 months, longer in some areas (such as calves and arms), to approach the final result.

Fat cells that have been removed do not grow back, but the remaining fat cells still enlarge if you gain weight; if your weight rises after surgery, the contour may change and fat may accumulate in other areas. Surgery offers improvement, not perfection: perfect symmetry, perfectly smooth skin, or a match to a reference photograph cannot be guaranteed.`,
      recoveryTimeline: `• Day of surgery to day 2: blood-tinged tumescent fluid leaks from the incisions, which is normal; the treated areas ache and are swollen, more so on movement. Get up and walk as early as possible, with help from family.
• Days 3–7: bruising is at its worst and swelling continues; most people can manage light daily activities. Sutures are removed and wounds checked at a visit around day 5–7.
• Weeks 1–2: depending on the extent, most people can return to non-manual work; the garment is still worn day and night.
• Weeks 2–6: bruising fades and swelling gradually reduces; you may feel firm lumps, numbness or tingling, which mostly improve slowly. Exercise is usually resumed after about 4–6 weeks as the surgeon advises.
• Months 3–6: swelling and firmness have mostly settled and the contour approaches the final result; numbness sometimes takes longer to recover. Whether a revision is needed is normally assessed after 6 months.`,
      limitations: `• Liposuction is not weight-loss surgery; weight usually falls only slightly, and it does not improve metabolic problems such as blood pressure or blood sugar. It suits people close to a stable, healthy weight with localised fat deposits.
• Liposuction removes only fat under the skin; it cannot reduce fat inside the abdomen (visceral fat), nor correct separation of the abdominal muscles or a loose belly after pregnancy or weight change.
• Liposuction does not tighten skin; if your skin has poor elasticity, it may become looser or wrinkled afterwards, and an operation that removes skin, such as abdominoplasty, may be needed.
• Cellulite and stretch marks are not improved by liposuction and may even become more visible.
• For safety, the amount and extent of liposuction in one session are limited; large areas may need staged operations.
• Existing asymmetry and the shape of your skeleton and muscles affect the result. Removing too much or too superficially can cause dents and unevenness, which are harder to correct than remaining fat, so the surgeon removes fat conservatively.
• If a revision is needed, it is normally assessed only after the tissue has settled (at least 6 months), and its result is less predictable.`,
      risks: [
        { id: 'bruising_swelling', text: 'Bruising, swelling and pain: happen to almost everyone; bruising mostly fades within 2–4 weeks, while swelling can last several months and delay the final contour.', frequency: 'common', severity: 'mild' },
        { id: 'numbness', text: 'Altered sensation: numbness, tingling or over-sensitivity of the skin in the treated area, mostly recovering gradually over weeks to months; in a few people it lasts longer or some numbness remains.', frequency: 'common', severity: 'mild' },
        { id: 'contour_irregularity', text: 'Unevenness, asymmetry or loose skin: dents, a wavy surface, differences between the two sides, or loose, folded skin. Some of this improves as swelling settles and with massage; if it persists, revision surgery or fat grafting may be needed, and the correction is not always perfect.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'seroma', text: 'Seroma (fluid collection): tissue fluid collects under the skin of the treated area, causing a soft swelling that may need to be drained with a syringe in the clinic once or several times, and occasionally a drain.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'scar_pigmentation', text: 'Incision scars and pigment changes: the small incisions are usually inconspicuous but may thicken or darken, or the skin around them may be damaged by cannula friction; the treated area may also become pigmented, which usually fades gradually.', frequency: 'uncommon', severity: 'mild' },
        { id: 'haematoma_bleeding', text: 'Haematoma or bleeding: continued bleeding or blood collecting under the skin after surgery, needing compression, drainage or a return to theatre; blood loss is greater with extensive liposuction, and very occasionally a transfusion is needed.', frequency: 'rare', severity: 'moderate' },
        { id: 'infection', text: 'Infection: increasing redness, swelling, warmth or pain of an incision or treated area, fever or pus, usually settling with antibiotics and wound care. Extremely rare severe soft-tissue infection (such as necrotising fasciitis) worsens rapidly and needs emergency surgical debridement.', frequency: 'rare', severity: 'moderate' },
        { id: 'skin_necrosis', text: 'Skin necrosis: suction that is too superficial or excessive, or reduced skin blood flow from smoking or excessive pressure, can make the skin turn black, blister or break down, leaving a scar; dressings or surgical repair may be needed.', frequency: 'rare', severity: 'severe' },
        { id: 'lidocaine_toxicity', text: 'Local anaesthetic (lidocaine) toxicity: if too much of the anaesthetic in the tumescent fluid is absorbed, numbness around the mouth or tongue, a metallic taste, ringing in the ears, dizziness and confusion may occur, and in severe cases seizures or an irregular heartbeat. Blood levels may peak several hours to more than ten hours after surgery; the surgeon calculates a safe dose by weight. Seek medical help at once if these symptoms occur.', frequency: 'rare', severity: 'severe' },
        { id: 'embolism', text: 'Deep-vein thrombosis, pulmonary embolism or fat embolism: a clot forms in a leg vein, or a clot or fat particles travel in the blood and block vessels in the lungs, causing calf swelling and pain, sudden chest pain, breathlessness, a fast heartbeat and low oxygen; fat embolism can also cause confusion or pinpoint skin bleeding. These complications are extremely rare but can be fatal and need immediate emergency treatment. Walking early, drinking enough, and preventive measures where needed reduce the risk.', frequency: 'very_rare', severity: 'severe' },
        { id: 'visceral_perforation', text: 'Injury to internal organs or the abdominal wall: the cannula accidentally passes through the abdominal or chest wall and injures the bowel or abdominal or chest organs (for example causing a pneumothorax). Extremely rare but serious, it shows as worsening abdominal pain, bloating, fever or difficulty breathing and needs emergency surgery. The risk is higher with a hernia or abdominal surgical scars; be sure to tell us beforehand.', frequency: 'very_rare', severity: 'severe' },
        { id: 'anaesthesia_risk', text: 'Risks of general anaesthesia: sore throat, hoarseness, nausea and vomiting, and dizziness are fairly common and brief. Serious anaesthetic complications such as severe allergy, aspiration pneumonia, heart attack or stroke are extremely rare but can be life-threatening. The anaesthesiologist will explain these separately and assess your individual risk.', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No surgery: localised fat deposits do not affect your health, and choosing not to have surgery is an entirely reasonable decision.' },
        { id: 'lifestyle_weight_management', text: 'Diet, exercise and weight management: the most helpful for overall health and body fat, and weight-loss treatment can be undertaken under medical supervision; however, fat is hard to reduce in specific areas and the effort must be sustained long term.' },
        { id: 'non_surgical_contouring', text: 'Non-surgical body contouring (such as cryolipolysis, high-intensity focused ultrasound or radiofrequency devices): no incision or anaesthesia and a short recovery, but each session removes only a limited amount of fat, results are gradual, several sessions are often needed, and the result is less predictable.' },
        { id: 'abdominoplasty', text: 'Abdominoplasty (tummy tuck): if the main problem is loose skin, stretch marks or separated abdominal muscles, removing excess skin and repairing the muscle is more suitable than liposuction alone, but the wound and scar are larger, recovery is longer and the risks are higher.' },
      ],
      aftercare: `• Wear the compression garment day and night for about 4–8 weeks as instructed, removing it only to shower; watch for it being too tight, pressure marks on the skin, or increasing numbness or pain.
• From the day of surgery, get up and walk with help, then walk several times every day and drink plenty of fluids to lower the risk of clots; avoid lying or sitting still for long periods.
• Blood-tinged fluid leaking from the incisions for the first 1–2 days is normal; change gauze or pads as instructed. If the leakage suddenly increases or turns into continuous bright-red bleeding, contact the clinic.
• Take painkillers and antibiotics as prescribed; do not take aspirin or other anti-inflammatory painkillers on your own unless the surgeon agrees.
• Keep the wounds dry until the sutures are out; you may shower as instructed, but avoid baths, hot springs, swimming and saunas for 4 weeks.
• Avoid strenuous exercise and heavy lifting for about 4–6 weeks, then resume gradually as the surgeon advises. Smoking and alcohol slow recovery; please avoid them.
• The surgeon may recommend massage or lymphatic drainage for a period after surgery; follow the instructions and do not knead the area forcefully yourself.
• Avoid long flights or long journeys for 1–2 weeks after surgery; if you must travel, discuss clot prevention with the surgeon first.
• Call 119 or go to an emergency department at once, and say you have just had liposuction, if you have sudden chest pain, breathlessness or difficulty breathing, a very fast heartbeat, coughing blood, confusion or seizures, numbness around the mouth with ringing in the ears or dizziness, a swollen painful calf on one side, or worsening abdominal pain with bloating or fever.
• If a wound becomes increasingly red, swollen, warm or painful, you have fever or pus, or the skin turns black or blisters, return to the clinic promptly.
• Attend your follow-up appointments. The contour takes 3–6 months to settle; keep your weight stable and discuss any concerns with the surgeon at follow-up.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially anticoagulants, aspirin or other antiplatelet medicines, anti-inflammatory painkillers (NSAIDs), fish oil, ginkgo, vitamin E, oral contraceptives or hormone medicines (which may increase the risk of clots), and GLP-1 weight-loss medicines (such as semaglutide, which may increase the risk of inhaling vomit under anaesthesia and need to be paused in advance as instructed). Do not stop prescription medicines on your own; discuss this with the doctor who prescribed them.
• Tell us about allergies (especially to anaesthetics, lidocaine and antibiotics), heart, liver or kidney disease, high blood pressure, diabetes, bleeding disorders, a personal or family history of blood clots, hernias, previous abdominal surgery, a tendency to keloids, and previous liposuction or body-contouring treatments.
• If you smoke, please stop at least 4 weeks before surgery and stay off cigarettes until the wounds have healed.
• If you are pregnant, may be pregnant or are breastfeeding, tell us; surgery will be postponed.
• Complete the pre-operative tests (blood tests, ECG and so on) as instructed, and keep your weight stable before surgery.
• You must fast before general anaesthesia: usually no solid food from 8 hours before surgery, and stop drinking at the time the team tells you. Please follow this strictly; it reduces the risk of vomit entering the lungs.
• On the day of surgery, shower, do not apply body lotion, do not wear jewellery or contact lenses, and wear loose clothing that opens at the front. Bring or prepare a compression garment of the right size.
• Arrange for an adult to take you home and stay with you the first night; for 24 hours do not drive, ride a scooter, operate machinery or sign important documents.
• Allow at least 1–2 weeks to recover, and do not plan long trips within 2 weeks after surgery.`,
      contraindications: [
        { id: 'anticoagulant', text: 'Taking anticoagulants (such as warfarin or a direct oral anticoagulant): higher risk of bleeding, haematoma and needing a transfusion. Never stop on your own; discuss with the prescribing doctor whether and how to pause it.', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: 'Taking aspirin, clopidogrel or other antiplatelet medicines: higher risk of bleeding and bruising. Do not stop a prescribed medicine on your own; discuss it with the prescribing doctor.', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: 'Smoking: reduces skin blood flow and increases anaesthetic and clot risks, raising the chance of infection, poor wound healing and skin necrosis; stopping at least 4 weeks before surgery and until healed is advised.', flaggedBy: ['smoking'] },
        { id: 'immunosuppression', text: 'Taking immunosuppressants or systemic steroids: higher risk of infection and poor wound healing; the surgeon will assess whether surgery is suitable and when.', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'keloid', text: 'Tendency to keloids or hypertrophic scars: higher risk of thickened incision scars; discuss incision sites and scar care with the surgeon.', flaggedBy: ['keloid'] },
        { id: 'pregnancy', text: 'Pregnant or possibly pregnant: elective cosmetic surgery and general anaesthesia should be postponed; after delivery, assessment is best once weight is stable.', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: 'Breastfeeding: anaesthetic and post-operative medicines may affect breastfeeding and the body is still changing after childbirth; surgery is generally postponed until breastfeeding has stopped and weight is stable.', flaggedBy: ['breastfeeding'] },
        { id: 'thrombosis_history', text: 'Previous deep-vein thrombosis or pulmonary embolism, a clotting tendency, hormone medicines or a recent long-haul flight: higher clot risk; a doctor must assess this first, and preventive measures or a change of plan may be needed.', flaggedBy: [] },
        { id: 'hernia_abdominal_surgery', text: 'Hernia, abdominal wall defect or previous abdominal surgery: higher risk of internal organ injury during abdominal liposuction; detailed examination (imaging if needed) is required first, and some areas may need to be excluded.', flaggedBy: [] },
        { id: 'obesity_unstable_weight', text: 'Marked obesity or weight still changing substantially: liposuction cannot replace weight loss, the surgical risk is higher and the result less satisfactory; reaching a stable weight first is generally advised.', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: 'Uncontrolled heart, lung, liver or kidney disease, high blood pressure, diabetes or bleeding disorder: higher risks from general anaesthesia and from processing the local anaesthetic; these must be controlled first and assessed by a doctor.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18: a legal guardian must also consent; the body is still changing, and the surgeon will assess especially carefully whether surgery is needed, and usually advises against it.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_not_weight_loss',
          question: 'Which of the following about the effect of liposuction is correct?',
          options: ['Liposuction is an effective way to lose weight and can replace diet and exercise', 'Liposuction also tightens loose skin and removes cellulite', 'Liposuction is local contouring with little weight loss; the contour takes about 3–6 months to settle, and weight gain afterwards still affects the result', 'The final result is visible on the day of surgery'],
          correctIndex: 2,
          topic: 'expected_result',
        },
        {
          id: 'q_severe_warning',
          question: 'After surgery you suddenly have chest pain, breathlessness or a very fast heartbeat, or numbness around the mouth with ringing in the ears and confusion. What should you do?',
          options: ['Sleep on it and mention it at tomorrow’s visit', 'Call 119 or go to an emergency department at once, and say you have just had liposuction', 'Tighten the compression garment', 'Drink more water and it will pass'],
          correctIndex: 1,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: 'Which of the following about aftercare is correct?',
          options: ['Stay in bed without moving for a week after surgery', 'The compression garment can be left off after a day or two', 'You can go to a hot spring and do weight training the day after surgery', 'Keep wearing the compression garment for several weeks as instructed, get up and walk early, and drink plenty of fluids to lower the risk of clots'],
          correctIndex: 3,
          topic: 'aftercare',
        },
        {
          id: 'q_revision',
          question: 'If unevenness or asymmetry appears after surgery, which of the following is correct?',
          options: ['Some improves as swelling settles; if it persists, revision surgery may be needed, normally assessed once the tissue has settled after at least 6 months, and the result is not always perfect', 'It will always disappear completely on its own and never needs attention', 'Liposuction should be repeated straight away in the first week'],
          correctIndex: 0,
          topic: 'limitations',
        },
      ],
    },
  },
};
