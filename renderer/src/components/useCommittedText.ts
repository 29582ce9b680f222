import { useCallback, useRef, useState, type ChangeEvent, type CompositionEvent } from 'react';

/**
 * A text box for search-as-you-type that only reports what the person has committed. With Zhuyin (注音), Cangjie
 * or pinyin the box fills with ㄓㄨˋ and candidate characters while composing; each of those would be a search
 * (an audited view of whatever names it matched). `committed` changes on ordinary typing and at
 * compositionend, never during a composition.
 */
export function useCommittedText(initial = '') {
  const [text, setText] = useState(initial);
  const [committed, setCommitted] = useState(initial);
  const composing = useRef(false);

  const onChange = useCallback((e: ChangeEvent<HTMLInputElement>) => {
    setText(e.target.value);
    const native = e.nativeEvent as Event & { isComposing?: boolean };
    if (!composing.current && !native.isComposing) setCommitted(e.target.value);
  }, []);
  const onCompositionStart = useCallback(() => {
    composing.current = true;
  }, []);
  const onCompositionEnd = useCallback((e: CompositionEvent<HTMLInputElement>) => {
    composing.current = false;
    setText(e.currentTarget.value);
    setCommitted(e.currentTarget.value);
  }, []);
  const set = useCallback((value: string) => {
    setText(value);
    setCommitted(value);
  }, []);

  return { text, committed, set, isComposing: () => composing.current, inputProps: { value: text, onChange, onCompositionStart, onCompositionEnd } };
}
