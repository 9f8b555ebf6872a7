import type { SearchIndex } from '../../../../shared/search/search-index';
import type { PreparedView } from './tree';

/** Per project (its place in the view), words[start[p] … start[p + 1]): dictionary words, each once. */
export interface ProjectWords {
  start: Int32Array;
  words: Int32Array;
}

/**
 * The words of each project's task names, its open tasks' and all of them. A one-word query
 * reads these (a few dozen per project) instead of each task: a task matches it when a word of
 * its name does, so a project has a matching task when one of these words matches, and its
 * best task is as good as its best word. Made once per list, with the search index.
 */
export interface TaskWords {
  open: ProjectWords;
  all: ProjectWords;
}

/** The words of the tasks' own names: a task's first part is its name (indexView). */
export function taskWords(index: SearchIndex, prepared: PreparedView): TaskWords {
  const { partStart, partIds, partWordStart, partWords } = index;
  const { taskStart, taskAt, taskOpenAt } = prepared;
  const projectCount = taskStart.length - 1;
  // The last list each word went into, so a project lists it once.
  const listedIn = new Int32Array(index.dictionary.length).fill(-1);
  const collect = (openOnly: boolean, stamp: (project: number) => number): ProjectWords => {
    const start = new Int32Array(projectCount + 1);
    const words: number[] = [];
    for (let project = 0; project < projectCount; project++) {
      start[project] = words.length;
      for (let task = taskStart[project] ?? 0; task < (taskStart[project + 1] ?? 0); task++) {
        const item = taskAt[task] ?? 0;
        if (openOnly && taskOpenAt[item - projectCount] !== 1) continue;
        const part = partIds[partStart[item] ?? 0] ?? 0;
        for (let at = partWordStart[part] ?? 0; at < (partWordStart[part + 1] ?? 0); at++) {
          const word = partWords[at] ?? 0;
          if (listedIn[word] === stamp(project)) continue;
          listedIn[word] = stamp(project);
          words.push(word);
        }
      }
    }
    start[projectCount] = words.length;
    return { start, words: Int32Array.from(words) };
  };
  return { open: collect(true, (project) => 2 * project), all: collect(false, (project) => 2 * project + 1) };
}
