import { AppError } from '@app/common';
import { familiesToPlace, requireFamilyFitsProgramme, validateFamily } from './children-rules';

const family = (registrationId: string, children: number) => ({ registrationId, children });

describe('familiesToPlace (docs/architecture.md#invariant-6)', () => {
  it('places in order of arrival every family whose children all fit, never splitting one', () => {
    expect(familiesToPlace(6, 0, [family('a', 4), family('b', 3), family('c', 2)])).toEqual(['a', 'c']);
  });

  it('lets a family that fits go ahead of a bigger one, which keeps its turn', () => {
    expect(familiesToPlace(6, 4, [family('big', 3), family('small', 2), family('late', 1)])).toEqual(['small']);
    expect(familiesToPlace(6, 0, [family('big', 3), family('small', 2), family('late', 1)])).toEqual(['big', 'small', 'late']);
  });

  it('gives nothing when the capacity was lowered below the children placed', () => {
    expect(familiesToPlace(3, 5, [family('a', 1)])).toEqual([]);
  });
});

describe('validateFamily', () => {
  const fieldOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as AppError).details.field;
    }
    return null;
  };

  it('takes 0 to 10 children, no children when left out', () => {
    expect(validateFamily({})).toEqual({ children: 0, details: null });
    expect(validateFamily({ children: 10 })).toEqual({ children: 10, details: null });
    expect(fieldOf(() => validateFamily({ children: 11 }))).toBe('children');
    expect(fieldOf(() => validateFamily({ children: 1.5 }))).toBe('children');
  });

  it('counts listed children and checks each one', () => {
    expect(validateFamily({ childrenDetails: [{ firstName: ' Amina ', age: 6, school: '' }] })).toEqual({
      children: 1,
      details: [{ firstName: 'Amina', age: 6, school: null }],
    });
    expect(fieldOf(() => validateFamily({ childrenDetails: [{ firstName: 'Omar', age: 15 }] }))).toBe('childrenDetails.0.age');
    expect(fieldOf(() => validateFamily({ children: 2, childrenDetails: [{ firstName: 'Omar', age: 5 }] }))).toBe('children');
  });

  it('needs the children listed where the programme lists them, and refuses a list elsewhere', () => {
    expect(fieldOf(() => requireFamilyFitsProgramme({ children: 2, details: null }, true))).toBe('childrenDetails');
    expect(fieldOf(() => requireFamilyFitsProgramme({ children: 1, details: [{ firstName: 'A', age: 4, school: null }] }, false))).toBe('childrenDetails');
    expect(fieldOf(() => requireFamilyFitsProgramme({ children: 2, details: null }, false))).toBeNull();
  });
});
